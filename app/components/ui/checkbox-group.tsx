/** A labelled group of checkboxes (fieldset + legend), posted as repeated `name` values. */
export function CheckboxGroup({ legend, name, options, defaultValues = [], columns = false }: { legend: string; name: string; options: { value: string; label: string }[]; defaultValues?: string[]; columns?: boolean }) {
  return (
    <fieldset className={`checkbox-group${columns ? " checkbox-group--columns" : ""}`}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}
