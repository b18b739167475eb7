import { amount, choice, customFields, dateTime, email, emailList, id, text, textList } from './field';

/** Reevo opportunity fields (contract §2.1, bodies 8, 9, 11 and 12). */
export const opportunityFields = {
  opportunity_id: id({
    key: 'opportunity_id',
    label: 'Opportunity',
    helpText: 'The Reevo opportunity. Pick one, search for it, or map an opportunity ID from an earlier step.',
    example: 'c2d9a7e4-1f3b-4e6a-8c5d-9b0f2a7e6d13',
    clayColumn: 'Reevo Opportunity ID',
    dynamic: 'opportunity_list.id.display_name',
    search: 'find_opportunity.id',
  }),
  display_name: text({
    key: 'display_name',
    label: 'Opportunity Name',
    helpText: 'The name of the deal, e.g. `Acme Analytics - Annual Plan`.',
    example: 'Acme Analytics - Annual Plan',
    clayColumn: 'Opportunity Name',
  }),
  owner_email: email({
    key: 'owner_email',
    label: 'Opportunity Owner Email',
    helpText: 'Email of the Reevo user who owns the opportunity.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Opportunity Owner Email',
  }),
  primary_contact_email: email({
    key: 'primary_contact_email',
    label: 'Primary Contact Email',
    helpText: 'Email of the main contact on the deal. The contact must already exist in Reevo.',
    example: 'jane.doe@acme.com',
    clayColumn: 'Email',
  }),
  additional_contact_emails: emailList({
    key: 'additional_contact_emails',
    label: 'Additional Contact Emails',
    helpText: 'Other contacts on the deal, by email. Separate several with commas, or map a line-item field.',
    example: ['sam.patel@acme.com'],
    clayColumn: 'Additional Contact Emails',
  }),
  amount: amount({
    key: 'amount',
    label: 'Amount',
    helpText:
      'The deal value as a number, in your workspace currency. `95000`, `95,000.00`, `$95,000` and `€95.000,00` all work; `-95,000`, `(95,000)` and `95,000-` are negative. `1.234` is refused as ambiguous: write `1234` or `1,234`.',
    example: 95000,
    clayColumn: 'Deal Amount',
  }),
  pipeline_name: text({
    key: 'pipeline_name',
    label: 'Pipeline Name',
    helpText: 'The pipeline to put the opportunity in, by its name in Reevo. Leave empty for the default pipeline.',
    example: 'New Business',
  }),
  next_step_details: text({
    key: 'next_step_details',
    label: 'Next Step',
    helpText: 'What happens next on the deal, e.g. `Send security questionnaire`.',
    example: 'Send security questionnaire',
    long: true,
  }),
  next_step_due_at: dateTime({
    key: 'next_step_due_at',
    label: 'Next Step Due',
    helpText: 'When the next step is due. A time without a time zone is read as UTC.',
    example: '2026-12-04T17:00:00Z',
  }),
  custom_fields: customFields({
    key: 'custom_fields',
    label: 'Custom Fields (by API Name)',
    helpText:
      "Opportunity custom fields not listed above: on the left the field's API name (or ID), on the right its value, sent as one piece of text. A multi-select field takes several values in its own field above, when listed.",
    example: { competitor: 'Globex' },
    clayColumn: 'Opportunity Custom Fields',
  }),
  status: choice({
    key: 'status',
    label: 'Status',
    helpText: 'Only prospects (not yet qualified) or only deals.',
    choices: { PROSPECT: 'Prospect', DEAL: 'Deal' },
    example: 'DEAL',
  }),
  stage_name: text({
    key: 'stage_name',
    label: 'Stage Name',
    helpText: 'The pipeline stage, by its name in Reevo, e.g. `Proposal`.',
    example: 'Proposal',
  }),
  target_stage_name: text({
    key: 'target_stage_name',
    label: 'Stage',
    helpText: 'The stage to move the opportunity to, by its name in Reevo, e.g. `Negotiation` or `Closed Won`.',
    example: 'Closed Won',
    clayColumn: 'Stage',
  }),
  closed_reason_names: textList({
    key: 'closed_reason_names',
    label: 'Closed Reasons',
    helpText:
      "Required when the stage is a closed won or closed lost stage: one or more of your workspace's closed reasons, by name (e.g. `Price`, `Champion left`). Separate several with commas. Reevo decides won or lost from the stage.",
    example: ['Strong champion'],
    clayColumn: 'Closed Reasons',
  }),
  closed_reason_custom_detail: text({
    key: 'closed_reason_custom_detail',
    label: 'Closed Reason Details',
    helpText: 'Free-text detail about why the deal closed.',
    example: 'Chose us after the security review.',
    long: true,
  }),
} as const;
