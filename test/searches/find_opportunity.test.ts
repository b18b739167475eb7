import { perform } from '../../searches/find_opportunity';
import { sampleAccount, sampleOpportunity } from '../../src/samples';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { API, reevo, unexpectedRequests, useNock } from './reevo-nock';

useNock();

const opportunity = (id: string, display_name: string) => ({ ...sampleOpportunity, id, display_name });
const ID = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60';

describe('find_opportunity by fields', () => {
  it('sends one POST /opportunities/search with every field, normalised', async () => {
    const scope = reevo()
      .post(`${API}/opportunities/search`, {
        display_name: 'Northwind Traders - Warehouse rollout',
        account_id: sampleAccount.id,
        owner_email: 'morgan@acme-sales.io',
        status: 'DEAL',
        stage_name: 'Proposal',
        limit: 50,
        offset: 0,
      })
      .reply(200, [sampleOpportunity]);

    const found = await appTester(
      perform,
      bundleWith({
        display_name: ' Northwind Traders - Warehouse rollout ',
        account_id: sampleAccount.id.toUpperCase(),
        owner_email: 'Morgan@Acme-Sales.io',
        status: 'deal',
        stage_name: 'Proposal',
      }),
    );

    expect(found).toEqual([sampleOpportunity]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('sends only the fields that are filled in', async () => {
    const scope = reevo()
      .post(`${API}/opportunities/search`, { status: 'PROSPECT', limit: 50, offset: 0 })
      .reply(200, []);

    await appTester(perform, bundleWith({ status: 'Prospect', display_name: '', stage_name: null }));

    expect(scope.isDone()).toBe(true);
  });

  it('finds the whole name only: as typed first, then in other case or spacing', async () => {
    const longer = opportunity('00000000-0000-4000-8000-000000000001', 'Acme - Annual Plan (renewal)');
    const otherCase = opportunity('00000000-0000-4000-8000-000000000002', 'acme  - annual plan');
    const exact = opportunity('00000000-0000-4000-8000-000000000003', 'Acme - Annual Plan');
    reevo().post(`${API}/opportunities/search`).reply(200, [longer, otherCase, exact]);

    const found = await appTester(perform, bundleWith({ display_name: 'Acme - Annual Plan' }));

    expect(found.map((o) => o.display_name)).toEqual(['Acme - Annual Plan', 'acme  - annual plan']);
  });

  it('returns [] when nothing matches', async () => {
    reevo().post(`${API}/opportunities/search`).reply(200, []);

    await expect(appTester(perform, bundleWith({ display_name: 'No such deal' }))).resolves.toEqual([]);
  });
});

describe('find_opportunity by ID', () => {
  it('sends one GET /opportunities/{id}', async () => {
    const scope = reevo().get(`${API}/opportunities/${sampleOpportunity.id}`).reply(200, sampleOpportunity);

    await expect(appTester(perform, bundleWith({ opportunity_id: sampleOpportunity.id }))).resolves.toEqual([
      sampleOpportunity,
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns [] on 404', async () => {
    const scope = reevo().get(`${API}/opportunities/${ID}`).reply(404, { detail: 'Not Found' });

    await expect(appTester(perform, bundleWith({ opportunity_id: ID }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('find_opportunity input rules (nothing is sent)', () => {
  it('asks for the ID or at least one search field, naming them all', async () => {
    const error = await caught(appTester(perform, bundleWith({ display_name: ' ' })));

    expect(error.message).toBe(
      'Fill in Opportunity ID (opportunity_id) to find the opportunity by its ID, or at least one of Opportunity Name (display_name), Account (account_id), Opportunity Owner Email (owner_email), Status (status), Stage Name (stage_name) to search for it.',
    );
    expect(unexpectedRequests()).toBe(0);
  });

  it('names a status that is not one of the choices', async () => {
    const error = await caught(appTester(perform, bundleWith({ status: 'WON' })));

    expect(error.message).toBe('Status (status) "WON" is not one of: PROSPECT, DEAL.');
    expect(unexpectedRequests()).toBe(0);
  });
});
