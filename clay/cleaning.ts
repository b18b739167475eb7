/**
 * The guide's cleaning formulas (clay/README.md, "Cleaning values with formula columns"): one
 * Clay formula per kind of value, each turning a cell into the form Reevo needs. Every formula
 * keeps an empty cell and a placeholder (`N/A`, `-`, `none`, `null`…) empty, so the body formula
 * leaves the field out; none invents a value (no 0 for an empty amount, no country code, no time
 * zone). A value it cannot read is left as it is, for `reevo-clay check` to report. A test
 * evaluates each against a table of inputs and checks that the guide shows them verbatim.
 */

/** The placeholder test every formula starts with, the same cells `check` calls placeholders. */
const EMPTY = String.raw`/^(|n\/?a|#n\/a|-+|—|none|null|nil|undefined)$/i.test(v) ? ""`;

export interface CleaningFormula {
  readonly kind: string;
  /** What Reevo needs, for the guide's table. */
  readonly needs: string;
  /** Cells it cleans, for the guide's table. */
  readonly typical: string;
  /** The column the guide's example reads. */
  readonly column: string;
  /** The formula, with `v` the trimmed cell. */
  readonly body: string;
  readonly note?: string;
}

export const CLEANING: readonly CleaningFormula[] = [
  {
    kind: 'email',
    needs: 'a bare address',
    typical: '` Jane.Doe@Acme.COM `, `Jane Doe <jane@acme.com>`',
    column: 'Email',
    body: String.raw`(v.match(/<([^<>]+)>$/)?.[1] ?? v).replace(/^mailto:/i, "").trim().toLowerCase()`,
  },
  {
    kind: 'domain (Company Domain)',
    needs: '`acme.com`',
    typical: '`https://www.acme.com/about`, `ACME.COM`, `info@acme.com`',
    column: 'Company Domain',
    body: String.raw`v.toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^[^\/]*@/, "").replace(/^www\./, "").split(/[\/?#:]/)[0]`,
  },
  {
    kind: 'website (Company Website)',
    needs: '`https://…`, the site itself',
    typical: '`acme.com`, `www.acme.com/about`',
    column: 'Company Website',
    body: String.raw`(/^http:\/\//i.test(v) ? "http://" : "https://") + v.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split(/[\/?#]/)[0].toLowerCase()`,
  },
  {
    kind: 'phone',
    needs: 'E.164: `+14155550123`',
    typical: '`+44 20 7946 0958`, `0044 20 7946 0958`',
    column: 'Phone',
    body: String.raw`/^(\+|00)/.test(v) ? "+" + v.replace(/^00/, "").replace(/\D/g, "") : v`,
    note: 'A number without a country code is left as it is (`check` warns about it): to give all of them one, replace the last `v` with `"+1" + v.replace(/\\D/g, "")` for US numbers. Take extensions off first.',
  },
  {
    kind: 'amount',
    needs: 'a plain number',
    typical: '`95,000`, `$48,500.00`',
    column: 'Deal Amount',
    body: String.raw`/^[^\d-]*-?\d[\d,]*(\.\d+)?[^\d]*$/.test(v) ? v.replace(/[^\d.-]/g, "") : v`,
    note: 'For `.` as the decimal mark; a cell it cannot read (`TBD`, `1.234,56`) stays as it is, never 0.',
  },
  {
    kind: 'date-time',
    needs: 'ISO-8601 with a zone: `2026-11-27T16:00:00Z`',
    typical: '`2026-11-27 16:00 +01:00`, `Fri, 27 Nov 2026 16:00:00 GMT`',
    column: 'Due Date',
    body: String.raw`/(Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : v`,
    note: 'Only a time that names its zone is converted; `2026-11-27 16:00` or `11/27/2026` stays as it is (check reports it): the moment it means depends on a zone the cell does not give.',
  },
  {
    kind: 'fixed values (Task Priority, Task Type, Task Status, Activity Category)',
    needs: "Reevo's value: `HIGH`, `VOICE_CALL`, `IN_PROGRESS`, `CONFERENCE`",
    typical: '`High`, `in progress`',
    column: 'Task Priority',
    body: String.raw`v.toUpperCase().replace(/[\s-]+/g, "_")`,
    note: 'A label such as `Call` must be mapped to `VOICE_CALL` by hand.',
  },
];

/** The whole Clay formula of a cleaning rule, reading `column`. */
export function cleaningFormula(rule: CleaningFormula, column = rule.column): string {
  return `((v) => ${EMPTY} : ${rule.body})(String({{${column}}} ?? "").trim())`;
}
