import { useNavigation } from "@remix-run/react";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type FieldBase = { label: string; name: string; errors?: string[]; hint?: string };

function FieldShell({ id, label, hint, errors, children, required }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode; required?: boolean }) {
  return (
    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label: the input's `required` already says it to assistive technology. */}
        {required ? <span aria-hidden="true" className="required-mark">*</span> : null}
      </div>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {children}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ label, name, errors, hint, ...props }: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={props.required}>
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props} />
    </FieldShell>
  );
}

export function TextAreaField({ label, name, errors, hint, ...props }: FieldBase & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={props.required}>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props} />
    </FieldShell>
  );
}

export function SelectField({ label, name, errors, hint, options, placeholder, ...props }: FieldBase & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={props.required}>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A submit button that shows progress while its form is submitting, and cannot be double-sent. */
export function SubmitButton({ children, pendingLabel, intent, className = "button button--primary" }: { children: ReactNode; pendingLabel: string; intent?: string; className?: string }) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && (intent === undefined || navigation.formData?.get("intent") === intent);
  return (
    <button type="submit" className={className} name={intent ? "intent" : undefined} value={intent} disabled={pending} aria-busy={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
