import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { userOutputFields } from '../src/output-fields';
import { rankByEmail } from '../src/ranking';
import { searchRecords } from '../src/record-search';
import { sampleUser } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

const inputFields = inputFieldsFor(endpoints.searchUsers);

export const perform = async (z: ZObject, bundle: Bundle) =>
  searchRecords(z, endpoints.searchUsers, bundle.inputData, (users, input) => rankByEmail(users, String(input.email)));

export default defineSearch({
  key: 'find_user',
  noun: 'User',
  display: {
    label: 'Find User',
    description: 'Finds a user of your workspace by email.',
  },
  operation: {
    inputFields,
    perform,
    sample: sampleUser,
    outputFields: [...userOutputFields],
  },
});
