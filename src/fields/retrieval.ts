import { domain, phone } from './field';

/** The identifiers of the account-and-contact retrieval (contract §2.1, endpoint 18). */
export const retrievalFields = {
  account_domain: domain({
    key: 'account_domain',
    label: 'Company Domain',
    helpText: "The company's domain, e.g. `acme.com`. A URL or an email address works too.",
    example: 'acme.com',
    clayColumn: 'Company Domain',
  }),
  contact_phone_number: phone({
    key: 'contact_phone_number',
    label: 'Contact Phone Number',
    helpText:
      'Any common format, e.g. `+44 20 7946 0958` or `(415) 555-0123`; numbers without a country code are read as US numbers.',
    example: '+14155550123',
    clayColumn: 'Phone',
  }),
} as const;
