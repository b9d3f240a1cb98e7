import type { ApiError } from '../../../app/api-client.ts';
import { translateMessage } from '../../../i18n/index.ts';

/**
 * A list field's error, or the server's refusal of one of its elements ("identifiers.1.value",
 * "officerIds.0"), so a refusal shows beside the list it belongs to.
 */
export function listError(own: string | undefined, formError: ApiError | null, name: string): string | undefined {
  if (own) return own;
  const hit = Object.entries(formError?.fieldErrors ?? {}).find(([k]) => k.startsWith(`${name}.`));
  if (!hit) return undefined;
  const index = Number(hit[0].split('.')[1]);
  return Number.isInteger(index) ? `${index + 1}: ${translateMessage(hit[1])}` : translateMessage(hit[1]);
}
