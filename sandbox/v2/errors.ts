/**
 * v2 errors (contract §3.6): Reevo publishes the codes, not the body or most statuses. The sandbox
 * answers `{"error": {"code", "message", "details"}}` with 404 for a record or target that does not
 * exist, 409 for an ambiguous match and 422 for everything else [assumed, this module only].
 * Malformed bodies (not JSON, not the documented top-level shape) stay FastAPI 422s, as pydantic
 * validates v2 bodies before any of these rules run.
 */
import { ApiError } from '../errors';

const V2_ERROR_STATUS = {
  unknown_field: 422,
  field_not_creatable: 422,
  field_not_updatable: 422,
  field_required_missing: 422,
  field_value_invalid: 422,
  record_not_found: 404,
  ambiguous_match: 409,
  stage_entrance_criteria_not_met: 422,
  unknown_relationship: 422,
  target_record_not_found: 404,
  invalid_matching_field: 422,
  invalid_filter_field: 422,
  invalid_filter_operator: 422,
  invalid_filter_value: 422,
  filter_depth_exceeded: 422,
  sort_too_many_fields: 422,
  unsortable_field: 422,
  invalid_cursor: 422,
} as const;

export type V2ErrorCode = keyof typeof V2_ERROR_STATUS;

export function v2Error(code: V2ErrorCode, message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(V2_ERROR_STATUS[code], { error: { code, message, details } });
}
