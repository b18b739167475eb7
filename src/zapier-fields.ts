import type { PlainInputField } from 'zapier-platform-core';
import type { Endpoint } from './endpoints';
import type { Field } from './fields';

type FieldOverrides = Partial<
  Pick<PlainInputField, 'label' | 'helpText' | 'required' | 'default' | 'altersDynamicFields'>
>;

/** A Zapier input field from a catalog field. */
export function inputField(field: Field, overrides: FieldOverrides = {}): PlainInputField {
  const { zapier } = field;
  return {
    key: field.key,
    label: field.label,
    helpText: field.helpText,
    type: zapier.type,
    required: false,
    ...(zapier.list ? { list: true } : {}),
    ...(zapier.dict ? { dict: true } : {}),
    ...(zapier.choices ? { choices: zapier.choices.map((c) => ({ ...c })) } : {}),
    ...(zapier.default ? { default: zapier.default } : {}),
    ...(field.dropdown
      ? { dynamic: field.dropdown.dynamic, ...(field.dropdown.search ? { search: field.dropdown.search } : {}) }
      : {}),
    ...overrides,
  };
}

/** The input fields of an endpoint, in the contract's order, required where the contract says. */
export function inputFieldsFor(
  endpoint: Endpoint,
  overrides: Readonly<Record<string, FieldOverrides>> = {},
): PlainInputField[] {
  return endpoint.params.map((param) =>
    inputField(param.field, { required: Boolean(param.required), ...overrides[param.field.key] }),
  );
}

/** Update actions send only what is filled in (blank inputs are left out of the request). */
export const KEEP_WHEN_EMPTY = 'Leave empty to keep the current value.';

/** An update's input fields: every optional field says that leaving it empty changes nothing. */
export function keepWhenEmpty(fields: readonly PlainInputField[]): PlainInputField[] {
  return fields.map((field) =>
    field.required ? field : { ...field, helpText: `${field.helpText ?? ''} ${KEEP_WHEN_EMPTY}`.trim() },
  );
}
