import { perform } from '../../creates/move_opportunity_stage';
import { sampleOpportunity } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

const ID = sampleOpportunity.id;
const PATH = `${API}/opportunities/${ID}/shift_stage`;
const NEEDS_REASONS = /Closed won and closed lost stages need at least one closed reason/;

describe('move_opportunity_stage', () => {
  it('POSTs the stage and the closed reasons as a list', async () => {
    const moved = {
      ...sampleOpportunity,
      stage_name: 'Closed Won',
      status: 'CLOSED_WON',
      closed_reason_names: ['Best product fit', 'Price'],
    };
    const call = expectRequest('POST', PATH, 200, moved);
    const result = await appTester(
      perform,
      bundleWith({
        opportunity_id: ID,
        target_stage_name: ' Closed Won ',
        closed_reason_names: 'Best product fit, Price',
        closed_reason_custom_detail: 'Chose us after the security review.',
      }),
    );
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.query).toEqual({});
    expect(seen.body).toEqual({
      target_stage_name: 'Closed Won',
      closed_reason_names: ['Best product fit', 'Price'],
      closed_reason_custom_detail: 'Chose us after the security review.',
    });
    expect(result).toEqual(moved);
  });

  it('moves to an open stage with the stage alone', async () => {
    const call = expectRequest('POST', PATH, 200, sampleOpportunity);
    await appTester(
      perform,
      bundleWith({
        opportunity_id: ID,
        target_stage_name: 'Proposal',
        closed_reason_names: [],
        closed_reason_custom_detail: '',
      }),
    );
    expect(call.seen().body).toEqual({ target_stage_name: 'Proposal' });
  });

  it.each([
    [{ opportunity_id: ID }, /Stage \(target_stage_name\) is required/],
    [{ target_stage_name: 'Proposal' }, /Opportunity \(opportunity_id\) is required/],
    [
      { opportunity_id: 'Northwind deal', target_stage_name: 'Proposal' },
      /Opportunity \(opportunity_id\) "Northwind deal" is not a Reevo ID/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });

  describe('explains that closed stages need closed reasons when Reevo rejects a move without them', () => {
    it.each([
      [
        'FastAPI detail on the field',
        {
          detail: [
            {
              type: 'value_error',
              loc: ['body', 'closed_reason_names'],
              msg: 'Value error, closed_reason_names is required when moving to a closed won or closed lost stage',
              input: null,
            },
          ],
        },
      ],
      [
        'FastAPI detail on the whole body',
        {
          detail: [
            {
              type: 'value_error',
              loc: ['body'],
              msg: "Value error, closed reasons are required for stage 'Closed Lost'",
              input: { target_stage_name: 'Closed Lost' },
            },
          ],
        },
      ],
      ['FastAPI detail as text', { detail: 'closed_reason_names must not be empty for a closed stage' }],
      [
        'Reevo envelope',
        {
          error_response_type: 'GENERIC',
          error: 'ValidationError',
          message: 'Closed reason names are required when the target stage is closed.',
          details: null,
        },
      ],
    ])('%s', async (_shape, body) => {
      expectRequest('POST', PATH, 422, body);
      const error = await caught(
        appTester(perform, bundleWith({ opportunity_id: ID, target_stage_name: 'Closed Lost' })),
      );
      expect(error.message).toMatch(/^Reevo rejected the request: /);
      expect(error.message).toMatch(NEEDS_REASONS);
      expect(error.message).toMatch(/Closed Reasons/);
    });

    it('once, when several details mention closed reasons', async () => {
      expectRequest('POST', PATH, 422, {
        detail: [
          { type: 'missing', loc: ['body', 'closed_reason_names'], msg: 'Field required', input: null },
          {
            type: 'value_error',
            loc: ['body'],
            msg: 'Value error, closed reasons are required for closed stages',
            input: null,
          },
        ],
      });
      const error = await caught(
        appTester(perform, bundleWith({ opportunity_id: ID, target_stage_name: 'Closed Won' })),
      );
      expect(error.message).toMatch(/Closed Reasons \(closed_reason_names\): Field required\./);
      expect(error.message.match(new RegExp(NEEDS_REASONS.source, 'g'))).toHaveLength(1);
    });

    it('also when Reevo answers 400 instead of 422', async () => {
      expectRequest('POST', PATH, 400, {
        error_response_type: 'GENERIC',
        error: 'BadRequestError',
        message: 'closed_reason_names is required for closed stages',
        details: null,
      });
      const error = await caught(
        appTester(perform, bundleWith({ opportunity_id: ID, target_stage_name: 'Closed Won' })),
      );
      expect(error.message).toMatch(NEEDS_REASONS);
    });

    it('but not for other rejections', async () => {
      expectRequest('POST', PATH, 422, {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'target_stage_name'],
            msg: "Value error, no stage named 'Won'",
            input: 'Won',
          },
        ],
      });
      const error = await caught(appTester(perform, bundleWith({ opportunity_id: ID, target_stage_name: 'Won' })));
      expect(error.message).toMatch(/Stage \(target_stage_name\): Value error, no stage named 'Won'/);
      expect(error.message).not.toMatch(NEEDS_REASONS);
    });
  });
});
