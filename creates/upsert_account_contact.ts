import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { callEndpoint, withNotes } from '../src/client';
import { customFieldInputs, customFieldOutputs, type CustomFieldTarget } from '../src/custom-fields';
import { endpoints } from '../src/endpoints';
import { upsertOutputFields } from '../src/output-fields';
import { sampleUpsertOutput } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

const accountCustomFields: CustomFieldTarget = {
  recordType: 'account',
  inputKey: 'account_custom_fields',
  mode: 'upsert',
  labelPrefix: 'Account',
  outputPath: 'account',
};
const contactCustomFields: CustomFieldTarget = {
  recordType: 'contact',
  inputKey: 'contact_custom_fields',
  mode: 'upsert',
  labelPrefix: 'Contact',
};

interface UpsertResponse {
  account?: { id?: string } | null;
  contact?: { id?: string; account_id?: string | null } | null;
  account_id?: string | null;
  contact_id?: string | null;
  action?: string | null;
  [key: string]: unknown;
}

/**
 * Reevo answers `{account, contact, account_id, contact_id, action}` (contract §2.2). The contact's
 * fields, the IDs and whether the contact was created or updated are lifted to the top level, where
 * a Zap maps them from: so the result has the shape of Find Contact's, and a Find or Create Contact
 * step offers the same fields whichever of the two ran.
 * [assumed] Without an `action`, HTTP 201 means the contact was created and 200 that it was updated.
 */
export const perform = async (z: ZObject, bundle: Bundle) => {
  const { status, data, notes } = await callEndpoint<UpsertResponse>(
    z,
    endpoints.upsertAccountContact,
    bundle.inputData,
  );
  // callEndpoint has checked that Reevo confirmed the write with one of these IDs.
  const contactId = data.contact_id ?? data.contact?.id;
  const action =
    typeof data.action === 'string' && data.action.trim()
      ? data.action.trim().toLowerCase()
      : status === 201
        ? 'created'
        : 'updated';
  // Each value once: the contact's fields at the top level, the account's ID as account_id.
  const { contact, account, ...answer } = data;
  const { id: accountId, ...accountFields } = account ?? {};
  const result = {
    ...answer,
    ...contact,
    id: contactId,
    account_id: data.account_id ?? accountId ?? contact?.account_id ?? null,
    contact_id: contactId,
    action,
    account: account ? accountFields : null,
  };
  return withNotes(result, notes);
};

export default defineCreate({
  key: 'upsert_account_contact',
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact and Account',
    description:
      'Creates a contact, or updates the contact with the same email, and creates or updates its account in the same step.',
  },
  operation: {
    inputFields: [
      ...inputFieldsFor(endpoints.upsertAccountContact),
      customFieldInputs(contactCustomFields),
      customFieldInputs(accountCustomFields),
    ],
    perform,
    sample: sampleUpsertOutput,
    outputFields: [
      ...upsertOutputFields,
      customFieldOutputs(contactCustomFields),
      customFieldOutputs(accountCustomFields),
    ],
  },
});
