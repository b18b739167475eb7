import {
  OUTPUT_CATALOG,
  type RecordType,
  type SampleRecord,
  type V1SampleRecord,
  type V2RecordType,
} from './record-catalog';
import { hasCustomFields, inView, type OutputView } from './output-fields';
import { put, type OutputRecord } from './output-records';
import type { Plain } from './v2-values';

/**
 * Static samples, built from the examples of the response catalog (src/record-catalog.ts), so a
 * sample has exactly the keys its output fields label. Everything here is fictional, and no sample
 * carries a workspace's custom fields: those are labelled per connection from Reevo's schema.
 * This module must not import from sandbox/: the app bundles it.
 */

/** A record of the type as the catalog's examples make it, in the given view. */
function build(type: RecordType, view: OutputView): OutputRecord {
  const sample: OutputRecord = {};
  for (const entry of OUTPUT_CATALOG[type]) {
    if (inView(entry, view)) put(sample, entry.key, entry.example);
  }
  if (hasCustomFields(type)) sample.custom_fields = {};
  return sample;
}

/** v2 record types carry custom fields (src/record-catalog.ts CUSTOM_FIELD_TYPES). */
type CustomFields<T extends RecordType> = T extends V2RecordType ? { custom_fields: Record<string, Plain> } : unknown;

/** Every key the app outputs for a record of the type (v2 records, trigger outputs). */
export const sampleOf = <T extends RecordType>(type: T) => build(type, 'all') as SampleRecord<T> & CustomFields<T>;

/** A record of the type as v1 answers it (docs/reevo-api.md §2.2). */
export const v1SampleOf = <T extends RecordType>(type: T) => build(type, 'v1') as V1SampleRecord<T> & CustomFields<T>;

export const sampleUser = v1SampleOf('user');
export const sampleMailbox = v1SampleOf('mailbox');
export const sampleAccount = v1SampleOf('account');
export const sampleContact = v1SampleOf('contact');
export const sampleOpportunity = v1SampleOf('opportunity');
export const sampleTask = v1SampleOf('task');
export const sampleManualActivity = v1SampleOf('activity');
export const sampleEnrollment = v1SampleOf('enrollment');

/** The upsert's answer (docs/reevo-api.md §2.2). */
export const sampleUpsertResult = {
  account: sampleAccount,
  contact: sampleContact,
  account_id: sampleAccount.id,
  contact_id: sampleContact.id,
  action: 'updated' as 'created' | 'updated',
};

/** What Create or Update Contact and Account outputs: the contact at the top level, the account nested without its ID. */
export const sampleUpsertOutput = (() => {
  const { id: accountId, ...account } = sampleAccount;
  return {
    ...sampleContact,
    id: sampleContact.id,
    account_id: accountId,
    contact_id: sampleContact.id,
    action: 'updated',
    account,
  };
})();

/** The retrieval's answer (docs/reevo-api.md §2.2). */
export const sampleRetrieval = {
  account: sampleAccount as typeof sampleAccount | null,
  contact: sampleContact as typeof sampleContact | null,
};

/** A webhook subscription as the assumed webhook API answers it (docs/reevo-api.md §4). */
export const sampleWebhookSubscription = {
  id: 'f1c7e9a3-5d2b-4e8f-9a6c-4d0b8e2f7a95',
  target_url: 'https://hooks.zapier.com/hooks/standard/000000/sample/',
  event_types: ['contact.created'],
  status: 'ACTIVE',
  secret: 'whsec_sample_not_a_real_secret',
  created_at: '2025-06-01T12:00:00+00:00',
};
