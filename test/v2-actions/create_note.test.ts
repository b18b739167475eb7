import publishedNote from '../fixtures/reevo-docs/create-a-note.request.json';
import { perform } from '../../creates/create_note';
import { toNoteHtml } from '../../src/fields';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { expectRequest, IDS, sentWithKey, unexpectedRequests, useNock, v2Answer } from './helpers';

useNock();

const answer = (html: string) => v2Answer('note', IDS.note, { note_html: { value_type: 'rich_text', value: html } });

describe('create_note', () => {
  it("POSTs HTML as written, in the rich_text envelope of Reevo's own example", async () => {
    const call = expectRequest('POST', '/api/v2/note', 201, answer('<p>Discovery call recap.</p>'));
    const result = (await appTester(
      perform,
      bundleWith({ note_html: '<p>Discovery call recap.</p>', contact_id: IDS.contact }),
    )) as Record<string, unknown>;
    const seen = call.seen();
    expect(sentWithKey(seen)).toBe(true);
    expect(seen.body).toEqual({ attributes: { ...publishedNote.example.attributes, contact_id: IDS.contact } });
    expect(result.id).toBe(IDS.note);
    expect(JSON.stringify(result)).not.toContain('value_type');
  });

  it('escapes plain text and makes paragraphs of it, attached to every record given', async () => {
    const call = expectRequest('POST', '/api/v2/note', 201, answer('<p>x</p>'));
    await appTester(
      perform,
      bundleWith({
        note_html: 'Pricing: <5 seats & "pilot" first.\nCall back Tuesday.\n\nThey use Salesforce today.',
        contact_id: IDS.contact.toUpperCase(),
        account_id: IDS.account,
        opportunity_id: IDS.opportunity,
      }),
    );
    expect(call.seen().body).toEqual({
      attributes: {
        note_html: {
          value_type: 'rich_text',
          value:
            '<p>Pricing: &lt;5 seats &amp; &quot;pilot&quot; first.<br>Call back Tuesday.</p><p>They use Salesforce today.</p>',
        },
        contact_id: IDS.contact,
        account_id: IDS.account,
        opportunity_id: IDS.opportunity,
      },
    });
  });

  it("fails when Reevo answers without the note's ID, instead of passing as done", async () => {
    expectRequest('POST', '/api/v2/note', 201, { data: {} });
    const error = await caught(appTester(perform, bundleWith({ note_html: 'Hi', account_id: IDS.account })));
    expect(error.message).toMatch(/Reevo did not confirm the write.*note/);
  });

  it.each([
    [{ contact_id: IDS.contact }, /Note \(note_html\) is required/],
    [{ note_html: 'Recap' }, /Fill in at least one of: Contact, Account, Opportunity/],
    [{ note_html: '   ', account_id: IDS.account }, /Note \(note_html\) is required/],
    [{ note_html: 'Recap', account_id: 'acme.com' }, /Account \(account_id\) "acme.com" is not a Reevo ID/],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('create_note limits', () => {
  it('refuses a note of more than 10,000 characters of text, as any long text field', async () => {
    const error = await caught(
      appTester(perform, bundleWith({ note_html: 'x'.repeat(10_001), account_id: IDS.account })),
    );
    expect(error.message).toMatch(/Note \(note_html\) ".*" is not usable text \(it must be 1 to 10,000 characters/);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('toNoteHtml', () => {
  it.each([
    ['<ul><li>One</li></ul>', '<ul><li>One</li></ul>'],
    ['  Line one\r\nLine two  ', '<p>Line one<br>Line two</p>'],
    ['a < b and c > d', '<p>a &lt; b and c &gt; d</p>'],
    ['1 < 2 <b>not a tag start</b>', '<p>1 &lt; 2 &lt;b&gt;not a tag start&lt;/b&gt;</p>'],
  ])('%j becomes %j', (text, html) => {
    expect(toNoteHtml(text)).toBe(html);
  });
});
