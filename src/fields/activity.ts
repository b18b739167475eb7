import { choice, dateTime, id, idList, text } from './field';

/** Reevo manual activity fields (contract §2.1, body 14). The first four sit under `metadata`. */
export const activityFields = {
  activity_time: dateTime({
    key: 'activity_time',
    label: 'Activity Time',
    helpText: 'When it happened. A time without a time zone is read as UTC.',
    example: '2026-11-24T15:30:00Z',
  }),
  subject: text({
    key: 'subject',
    label: 'Subject',
    helpText: 'A short title, e.g. `Met at SaaStr Europa`.',
    example: 'Met at SaaStr Europa',
  }),
  description: text({
    key: 'description',
    label: 'Description',
    helpText: 'What happened.',
    example: 'Talked through their Q1 hiring plan; wants a demo for the SDR team.',
    long: true,
  }),
  category: choice({
    key: 'category',
    label: 'Category',
    helpText: 'The kind of activity. Defaults to Other.',
    clayColumn: 'Activity Category',
    choices: {
      TEXT: 'Text',
      LINKEDIN: 'LinkedIn',
      SOCIAL_MEDIA: 'Social media',
      EVENT: 'Event',
      CONFERENCE: 'Conference',
      WEBINAR: 'Webinar',
      CALL: 'Call',
      OTHER: 'Other',
    },
    default: 'OTHER',
    example: 'CONFERENCE',
  }),
  contact_ids: idList({
    key: 'contact_ids',
    label: 'Contacts',
    helpText:
      'The contacts involved: pick them, or map their Reevo contact IDs (not their emails), e.g. from a Find Contact step. Separate several IDs with commas.',
    example: ['8b1e4d2c-6a3f-4f0e-b9d7-2c5a1e8f3b64'],
    clayColumn: 'Reevo Contact ID',
    dynamic: 'contact_list.id.label',
    search: 'find_contact.id',
  }),
  pipeline_id: id({
    key: 'pipeline_id',
    label: 'Opportunity',
    helpText:
      'The opportunity this activity belongs to. (Reevo calls this field `pipeline_id`, but it takes an opportunity ID.)',
    example: 'c2d9a7e4-1f3b-4e6a-8c5d-9b0f2a7e6d13',
    clayColumn: 'Reevo Opportunity ID',
    dynamic: 'opportunity_list.id.display_name',
    search: 'find_opportunity.id',
  }),
  sequence_id: id({
    key: 'sequence_id',
    label: 'Sequence ID',
    helpText: 'The Reevo sequence this activity belongs to, if any.',
    example: '5a7c3e1d-9b2f-4d8a-a6e0-1c4b7f9d2e58',
    clayColumn: 'Reevo Sequence ID',
  }),
} as const;
