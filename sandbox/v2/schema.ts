/** `GET /_schema/{type}`: the bare PublicSchema object of contract §3.5 (no `data` envelope). */
import type { Workspace } from '../store';
import type { AttributeSpec } from './attributes';
import { type AnyRecordKind, attributesOf } from './kinds';
import { filterOperators, isSortable } from './query';

function fieldSchema(kind: AnyRecordKind, spec: AttributeSpec) {
  const operators = filterOperators(spec);
  return {
    api_name: spec.api_name,
    display_name: spec.display_name,
    is_creatable: spec.is_creatable,
    is_updatable: spec.is_updatable,
    type_info: { is_array: spec.is_array, value_type: spec.value_type },
    description: spec.is_custom
      ? `Custom ${kind.type} field.`
      : `${kind.display_name} ${spec.display_name.toLowerCase()}.`,
    is_required_on_create: spec.is_required_on_create,
    is_unique: spec.is_unique,
    is_custom: spec.is_custom,
    is_sortable: isSortable(spec),
    is_filterable: operators.length > 0,
    filter_operators: operators,
  };
}

export function publicSchema(kind: AnyRecordKind, ws: Workspace) {
  return {
    api_name: kind.type,
    display_name: kind.display_name,
    is_custom: false,
    is_junction: false,
    supports_custom_fields: kind.customFields !== null,
    attributes: attributesOf(kind, ws).map((spec) => fieldSchema(kind, spec)),
    relationships: kind.relationships,
    description: kind.description,
  };
}
