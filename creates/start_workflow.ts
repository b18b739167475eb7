import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { checkVariables, checkWorkflowUrl, startWorkflow } from '../src/workflows';

export const perform = async (z: ZObject, bundle: Bundle) => {
  const url = checkWorkflowUrl(bundle.inputData.workflow_url);
  const variables = checkVariables(bundle.inputData.variables, bundle.inputData.variables_json);
  const problems = [url, variables].flatMap((checked) => (checked.ok ? [] : [checked.message]));
  if (!url.ok || !variables.ok) {
    throw new z.errors.Error(
      problems.length === 1 ? problems[0] : `Please fix these fields:\n${problems.map((p) => `- ${p}`).join('\n')}`,
      'invalid_input',
      400,
    );
  }
  const key =
    typeof bundle.inputData.workflow_key === 'string' && bundle.inputData.workflow_key.trim()
      ? bundle.inputData.workflow_key.trim()
      : undefined;
  return startWorkflow(z, { url: url.value, variables: variables.value, ...(key ? { key } : {}) });
};

export default defineCreate({
  key: 'start_workflow',
  noun: 'Workflow Run',
  display: {
    label: 'Start Reevo Workflow',
    description: 'Creates a run of a workflow that has a Webhook Received trigger, with the variables you give it.',
  },
  operation: {
    inputFields: [
      {
        key: 'workflow_url',
        label: 'Workflow URL',
        required: true,
        helpText:
          "The URL shown on the workflow's **Webhook Received** trigger in Reevo (Automations → the workflow → its trigger). It starts with `https://`. Treat it like a password: anyone with it can start the workflow.",
      },
      {
        key: 'variables',
        label: 'Variables',
        dict: true,
        helpText:
          "The workflow's variables: on the left the variable name, on the right its value. Use this or Variables as JSON, not both.",
      },
      {
        key: 'variables_json',
        label: 'Variables as JSON',
        type: 'text',
        helpText:
          'The variables as one JSON object, for nested values or lists, e.g. `{"email": "jane@acme.com", "tags": ["webinar"]}`. Its top-level keys become the workflow\'s variables. Use this or Variables, not both.',
      },
      {
        key: 'workflow_key',
        label: 'Workflow Key',
        helpText:
          "Only if the Webhook Received trigger is protected by an API key: that key. This is not your connection's API key, which is never sent to the workflow URL.",
      },
    ],
    perform,
    sample: { status: 'queued', http_status: 200, variable_names: ['email', 'company'] },
    outputFields: [
      { key: 'status', label: 'Run Status' },
      { key: 'http_status', label: 'HTTP Status', type: 'integer' },
      { key: 'variable_names', label: 'Variables Sent', list: true },
    ],
  },
});
