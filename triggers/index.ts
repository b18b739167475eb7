// Each triggers operation, keyed by its Zapier key; filled in as operations are added.
export default {};
