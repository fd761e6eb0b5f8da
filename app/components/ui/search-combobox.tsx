/**
 * A search-as-you-type picker on the ARIA 1.2 combobox pattern (an input with a listbox popup):
 * type to ask the server, ArrowDown / ArrowUp move through the matches, Enter chooses, Escape
 * closes the list (a second Escape clears the text), and a status line announces how many were
 * found. The chosen id goes with the form in a hidden input named `name`.
 *
 * Without JavaScript the text box belongs to a GET form (`searchFormId`) and a Find button sends
 * it, so the page can answer with the matches as plain radio buttons (the caller renders them).
 * No combobox library is in node_modules (ADR 104), so this is a small one.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

export type ComboboxOption = { id: string; label: string; detail?: string };

type Props = {
  label: string;
  hint?: string;
  /** The hidden input's name: the chosen option's id goes with the form under it. */
  name: string;
  /** The text box's name in the no-JavaScript GET form. */
  queryName: string;
  /** The id of the GET form the text box and the Find button belong to without JavaScript. */
  searchFormId: string;
  /** `${searchUrl}?q=…` answers `{ options, more }` through `toOptions`. */
  searchUrl: string;
  toOptions: (data: unknown) => { options: ComboboxOption[]; more: boolean };
  selected: ComboboxOption | null;
  onSelect: (option: ComboboxOption | null) => void;
  initialQuery?: string;
  required?: boolean;
  errors?: string[];
  texts: { list: string; find: string; searching: string; found: (count: number, more: boolean) => string; none: string; typeMore: string; searchFailed: string };
  minChars?: number;
};

export function SearchCombobox({ label, hint, name, queryName, searchFormId, searchUrl, toOptions, selected, onSelect, initialQuery = "", required, errors, texts, minChars = 2 }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const [query, setQuery] = useState(selected?.label ?? initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [hydrated, setHydrated] = useState(false);
  const [asked, setAsked] = useState("");
  const fetcher = useFetcher();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setHydrated(true), []);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A pre-filled choice arriving later (a revalidation) shows its name.
  useEffect(() => {
    if (selected) setQuery(selected.label);
  }, [selected]);

  const answer = fetcher.data && typeof fetcher.data === "object" && "clients" in fetcher.data ? toOptions(fetcher.data) : null;
  const failed = !!fetcher.data && !answer;
  const options = answer?.options ?? [];
  const loading = fetcher.state !== "idle";
  const { load } = fetcher;

  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (q.length < minChars) {
      setAsked("");
      return;
    }
    timer.current = setTimeout(() => {
      setAsked(q);
      load(`${searchUrl}?${new URLSearchParams({ q }).toString()}`);
    }, 200);
  };

  const choose = (option: ComboboxOption) => {
    onSelect(option);
    setQuery(option.label);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!options.length) return;
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : options.length - 1) : (i + step + options.length) % options.length));
    } else if (e.key === "Enter") {
      // With JavaScript, Enter never sends the search form: it chooses the active match, if any.
      e.preventDefault();
      const option = open ? options[active] : undefined;
      if (option) choose(option);
      else if (options.length === 1 && open) choose(options[0]!);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        e.preventDefault();
        setQuery("");
        onSelect(null);
        setAsked("");
      }
    }
  };

  const q = query.trim();
  const status = !hydrated || selected ? "" : q.length > 0 && q.length < minChars ? texts.typeMore : loading ? texts.searching : failed ? texts.searchFailed : asked && answer ? (options.length ? texts.found(options.length, answer.more) : texts.none) : "";
  const showList = hydrated && open && options.length > 0 && !loading;
  const activeId = showList && active >= 0 ? `${id}-opt-${active}` : undefined;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null, statusId].filter(Boolean).join(" ");

  return (
    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required ? <span aria-hidden="true" className="required-mark">*</span> : null}
      </div>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      <input type="hidden" name={name} value={selected?.id ?? ""} />
      <div className="combobox__anchor">
      <div className="combobox__row">
        <input
          id={id}
          type="text"
          role="combobox"
          form={searchFormId}
          name={queryName}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={query}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
            if (selected) onSelect(null);
            search(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => options.length && !selected && setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        {hydrated ? null : <button type="submit" form={searchFormId} className="button">{texts.find}</button>}
      </div>
      <ul id={listId} role="listbox" aria-label={texts.list} className="combobox__list" hidden={!showList}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`combobox__option${i === active ? " combobox__option--active" : ""}`}
            // Keep the focus in the text box (the blur would close the list before the click).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o)}
          >
            <span>{o.label}</span>
            {o.detail ? <span className="muted small"> {o.detail}</span> : null}
          </li>
        ))}
      </ul>
      </div>
      <p id={statusId} role="status" className="field-hint combobox__status">{status}</p>
      {errors?.length ? <p className="field-error" id={`${id}-error`} role="alert">{errors[0]}</p> : null}
    </div>
  );
}
