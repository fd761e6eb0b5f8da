/**
 * A table of records where each row may end with a destructive action (revoke an invitation or an
 * API key, remove an organization) behind a confirmation step. The action is a `ConfirmForm`: a
 * native <dialog> (focus trapped, Escape cancels, the safe choice focused first); without
 * JavaScript the button posts directly. The action column's header is named for screen readers.
 */
import type { ReactNode } from "react";
import { ConfirmForm } from "./confirm-form";

export type ConfirmColumn<T> = { header: string; cell: (row: T) => ReactNode; className?: string };

/** What a row's button does: the question asked first, the confirming word, and the form's hidden fields. */
export type RowAction = { label: ReactNode; question: string; confirmLabel: string; hidden: Record<string, string> };

export function ConfirmTable<T>({
  rows,
  rowKey,
  columns,
  actionHeader,
  action,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: ConfirmColumn<T>[];
  /** The action column's name (visually hidden). Without it the table has no action column. */
  actionHeader?: string;
  /** The row's action, or null when this row has none (one's own organization). */
  action?: (row: T) => RowAction | null;
}) {
  const withAction = !!(actionHeader && action);
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col">{column.header}</th>
          ))}
          {withAction ? (
            <th scope="col"><span className="visually-hidden">{actionHeader}</span></th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const rowAction = withAction ? action!(row) : null;
          return (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.className}>{column.cell(row)}</td>
              ))}
              {withAction ? (
                <td>
                  {rowAction ? (
                    <ConfirmForm question={rowAction.question} confirmLabel={rowAction.confirmLabel} hidden={rowAction.hidden}>
                      {rowAction.label}
                    </ConfirmForm>
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
