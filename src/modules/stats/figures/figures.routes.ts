import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { serviceContext, unscoped, type Api } from '../../../platform/http/route-kit.ts';
import { figureAnswer as answerSchema, figureDefinition, figureIdParam, figureQuery } from './figures.schema.ts';
import { figureAnswer, listFigures } from './figures.service.ts';

// Figures of the registry (issue 12): aggregates only, never a record. A supervisor sees their branch;
// leadership gets the published (suppressed) view.
export async function figureRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['statistics'];
  api.get('/figures', {
    config: { access: 'stats.read' },
    schema: { tags, summary: 'The figure definitions: id, version, what each counts, its measures and legal time limit', response: { 200: z.object({ items: z.array(figureDefinition) }) } },
  }, async () => ({ items: listFigures() }));

  api.get('/figures/:id', {
    config: { access: 'stats.read', scope: { 'params.id': unscoped('a figure id of the registry, not a record') } },
    schema: { tags, summary: 'One figure for a period (agency time zone), area, offence scope and grouping; exact, or suppressed as published', params: figureIdParam, querystring: figureQuery, response: { 200: answerSchema } },
  }, async (request) => figureAnswer(serviceContext(ctx, request), request.params.id, request.query));
}
