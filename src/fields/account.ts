import { customFields, domain, email, id, text, url, website } from './field';

/** Reevo account fields (contract §2.1, bodies 2, 3 and 5). */
export const accountFields = {
  account_id: id({
    key: 'account_id',
    label: 'Account',
    helpText: 'The Reevo account. Pick one, search for it by domain, or map an account ID from an earlier step.',
    example: '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71',
    clayColumn: 'Reevo Account ID',
    dynamic: 'account_list.id.label',
    search: 'find_account.id',
  }),
  name: text({
    key: 'name',
    label: 'Account Name',
    helpText: 'The company name as it should appear in Reevo, e.g. `Acme Analytics`.',
    example: 'Acme Analytics',
    clayColumn: 'Company Name',
  }),
  owner_email: email({
    key: 'owner_email',
    label: 'Account Owner Email',
    helpText: 'Email of the Reevo user who owns the account. Must belong to a user of your Reevo workspace.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Account Owner Email',
  }),
  official_website: website({
    key: 'official_website',
    label: 'Website',
    helpText:
      "The company's website. `https://www.acme.com/about` or `acme.com` both work; Reevo gets the site address, e.g. `https://www.acme.com`.",
    example: 'https://www.acme.com',
    clayColumn: 'Company Website',
  }),
  domain_name: domain({
    key: 'domain_name',
    label: 'Domain',
    helpText:
      "The company's email and web domain, e.g. `acme.com`. A URL or an email address works too: `https://www.acme.com/about` and `jane@acme.com` both become `acme.com`.",
    example: 'acme.com',
    clayColumn: 'Company Domain',
  }),
  linkedin_url: url({
    key: 'linkedin_url',
    label: 'LinkedIn URL',
    helpText: "The company's LinkedIn page, e.g. `https://www.linkedin.com/company/acme`.",
    example: 'https://www.linkedin.com/company/acme',
    clayColumn: 'Company LinkedIn URL',
  }),
  facebook_url: url({
    key: 'facebook_url',
    label: 'Facebook URL',
    helpText: "The company's Facebook page.",
    example: 'https://www.facebook.com/acme',
    clayColumn: 'Company Facebook URL',
  }),
  zoominfo_url: url({
    key: 'zoominfo_url',
    label: 'ZoomInfo URL',
    helpText: "The company's ZoomInfo profile.",
    example: 'https://www.zoominfo.com/c/acme/123456789',
    clayColumn: 'Company ZoomInfo URL',
  }),
  x_url: url({
    key: 'x_url',
    label: 'X (Twitter) URL',
    helpText: "The company's X (Twitter) profile, e.g. `https://x.com/acme`.",
    example: 'https://x.com/acme',
    clayColumn: 'Company X URL',
  }),
  custom_fields: customFields({
    key: 'custom_fields',
    label: 'Custom Fields (by API Name)',
    helpText:
      "Account custom fields not listed above: on the left the field's API name (or ID), on the right its value, sent as one piece of text. A multi-select field takes several values in its own field above, when listed.",
    example: { industry_segment: 'Mid-market SaaS' },
    clayColumn: 'Account Custom Fields',
  }),
} as const;
