import { customFields, email, id, phone, text, url, website } from './field';

/** Reevo contact fields (contract §2.1, bodies 1 and 7), including the upsert's account side. */
export const contactFields = {
  contact_id: id({
    key: 'contact_id',
    label: 'Contact ID',
    helpText: 'The Reevo contact ID, e.g. from an earlier Find Contact or New Contact step.',
    example: '8b1e4d2c-6a3f-4f0e-b9d7-2c5a1e8f3b64',
    clayColumn: 'Reevo Contact ID',
  }),
  email: email({
    key: 'email',
    label: 'Contact Email',
    helpText:
      "The contact's email address. Reevo matches contacts by it: an existing contact with this email is updated, otherwise a new one is created.",
    example: 'jane.doe@acme.com',
    clayColumn: 'Email',
  }),
  contact_email: email({
    key: 'contact_email',
    label: 'Contact Email',
    helpText: "The contact's email address, e.g. `jane.doe@acme.com`.",
    example: 'jane.doe@acme.com',
    clayColumn: 'Email',
  }),
  first_name: text({ key: 'first_name', label: 'First Name', helpText: "The contact's first name.", example: 'Jane' }),
  middle_name: text({
    key: 'middle_name',
    label: 'Middle Name',
    helpText: "The contact's middle name.",
    example: 'Marie',
  }),
  last_name: text({ key: 'last_name', label: 'Last Name', helpText: "The contact's last name.", example: 'Doe' }),
  phone_number: phone({
    key: 'phone_number',
    label: 'Phone Number',
    helpText:
      'Any common format works, e.g. `+44 20 7946 0958` or `(415) 555-0123`. Reevo gets it in international (E.164) form; numbers without a country code are read as US numbers, and one that is not a US number is sent as typed (and listed under Input Notes in the output).',
    example: '+14155550123',
    clayColumn: 'Phone',
  }),
  company: text({
    key: 'company',
    label: 'Company Name',
    helpText:
      "The contact's company. Reevo links the contact to the account with this website's domain, or else with this name, and creates the account if there is none.",
    example: 'Acme Analytics',
  }),
  title: text({
    key: 'title',
    label: 'Job Title',
    helpText: "The contact's job title, e.g. `VP of Sales`.",
    example: 'VP of Sales',
  }),
  department: text({
    key: 'department',
    label: 'Department',
    helpText: "The contact's department, e.g. `Sales`.",
    example: 'Sales',
  }),
  contact_linkedin_url: url({
    key: 'contact_linkedin_url',
    label: 'Contact LinkedIn URL',
    helpText: "The contact's LinkedIn profile, e.g. `https://www.linkedin.com/in/janedoe`.",
    example: 'https://www.linkedin.com/in/janedoe',
    clayColumn: 'LinkedIn Profile',
  }),
  contact_facebook_url: url({
    key: 'contact_facebook_url',
    label: 'Contact Facebook URL',
    helpText: "The contact's Facebook profile.",
    example: 'https://www.facebook.com/janedoe',
  }),
  contact_zoominfo_url: url({
    key: 'contact_zoominfo_url',
    label: 'Contact ZoomInfo URL',
    helpText: "The contact's ZoomInfo profile.",
    example: 'https://www.zoominfo.com/p/Jane-Doe/987654321',
  }),
  contact_x_url: url({
    key: 'contact_x_url',
    label: 'Contact X (Twitter) URL',
    helpText: "The contact's X (Twitter) profile.",
    example: 'https://x.com/janedoe',
  }),
  contact_owner_email: email({
    key: 'contact_owner_email',
    label: 'Contact Owner Email',
    helpText: 'Email of the Reevo user who owns the contact.',
    example: 'morgan.lee@acme-sales.io',
  }),
  account_linkedin_url: url({
    key: 'account_linkedin_url',
    label: 'Company LinkedIn URL',
    helpText: "The company's LinkedIn page.",
    example: 'https://www.linkedin.com/company/acme',
  }),
  account_facebook_url: url({
    key: 'account_facebook_url',
    label: 'Company Facebook URL',
    helpText: "The company's Facebook page.",
    example: 'https://www.facebook.com/acme',
  }),
  account_zoominfo_url: url({
    key: 'account_zoominfo_url',
    label: 'Company ZoomInfo URL',
    helpText: "The company's ZoomInfo profile.",
    example: 'https://www.zoominfo.com/c/acme/123456789',
  }),
  account_x_url: url({
    key: 'account_x_url',
    label: 'Company X (Twitter) URL',
    helpText: "The company's X (Twitter) profile.",
    example: 'https://x.com/acme',
  }),
  account_owner_email: email({
    key: 'account_owner_email',
    label: 'Account Owner Email',
    helpText: 'Email of the Reevo user who owns the account.',
    example: 'morgan.lee@acme-sales.io',
  }),
  account_website: website({
    key: 'account_website',
    label: 'Company Website',
    helpText:
      "The company's website, e.g. `acme.com` or `https://www.acme.com/about`. Reevo uses its domain to find the contact's account.",
    example: 'https://www.acme.com',
  }),
  account_custom_fields: customFields({
    key: 'account_custom_fields',
    label: 'Account Custom Fields (by API Name)',
    helpText:
      "Account custom fields: on the left the field's API name (or ID), on the right its value, sent as one piece of text. A multi-select field takes several values in its own field above, when listed.",
    example: { industry_segment: 'Mid-market SaaS' },
  }),
  contact_custom_fields: customFields({
    key: 'contact_custom_fields',
    label: 'Contact Custom Fields (by API Name)',
    helpText:
      "Contact custom fields: on the left the field's API name (or ID), on the right its value, sent as one piece of text. A multi-select field takes several values in its own field above, when listed.",
    example: { lead_source_detail: 'Webinar: Pipeline Reviews 2026' },
  }),
  owner_email: email({
    key: 'owner_email',
    label: 'Contact Owner Email',
    helpText: 'Email of the Reevo user who owns the contacts to find.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Contact Owner Email',
  }),
} as const;
