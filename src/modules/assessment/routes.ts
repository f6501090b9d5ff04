import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { attachment } from '../../server/http';
import { EVIDENCE_MAX_BYTES } from '../reporting/evidence.service';
import { actOnAssessment, compareAssessment, createAssessment, getAssessment, listAssessments, recomputeAssessment } from './assessments.service';
import { reportPdf, summaryXlsx } from './exports';
import {
  AssessmentActionBody,
  AssessmentCreateBody,
  AssessmentOut,
  AssessmentParams,
  ComparisonOut,
  ExemptionBody,
  SchemeBody,
  SchemeOut,
  ScoreBody,
  SubjectDetailOut,
  SubjectParams,
} from './schemas';
import { addScore, attachEvidence, getEvidence, getSubject, setExemption } from './scores.service';
import { createScheme, listSchemes, updateScheme } from './schemes.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Part = { name: string; fileName: string | null; content: Buffer };

/** A multipart/form-data body split into its parts (fields and files); the upload is one small form, so no streaming. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new AppError('unsupported-media-type', '请以 multipart/form-data 上传（itemKey 字段和文件）');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const raw = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF ahead of the next delimiter
    const split = raw.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = raw.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const star = /filename\*=UTF-8''([^;\r\n]+)/i.exec(headers)?.[1];
      const plain = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) parts.push({ name, fileName: star ? decodeURIComponent(star) : (plain ?? null), content: raw.subarray(split + 4) });
    }
    at = next;
  }
  return parts;
}

/** 节能减排目标责任评价考核 (issue #9): schemes, assessments and their process, scores, evidence, results and exports. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment'];
  const readers = access.roles('admin', 'steering', 'department', 'county');
  const city = access.roles('admin', 'steering');
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES + 64 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/schemes', { config: { access: readers }, schema: { operationId: 'listAssessmentSchemes', tags, response: { 200: z.array(SchemeOut) } } }, (req) => listSchemes(req.ctx));
  app.post('/schemes', { config: { access: city }, schema: { operationId: 'createAssessmentScheme', tags, body: SchemeBody, response: { 201: SchemeOut } } }, async (req, reply) =>
    reply.status(201).send(await createScheme(req.ctx, req.body)),
  );
  app.put('/schemes/:id', { config: { access: city }, schema: { operationId: 'updateAssessmentScheme', tags, params: AssessmentParams, body: SchemeBody, response: { 200: SchemeOut } } }, (req) =>
    updateScheme(req.ctx, req.params.id, req.body),
  );

  app.get('/assessments', { config: { access: readers }, schema: { operationId: 'listAssessments', tags, response: { 200: z.array(AssessmentOut) } } }, (req) => listAssessments(req.ctx));
  app.post('/assessments', { config: { access: city }, schema: { operationId: 'createAssessment', tags, body: AssessmentCreateBody, response: { 201: AssessmentOut } } }, async (req, reply) =>
    reply.status(201).send(await createAssessment(req.ctx, req.body)),
  );
  app.get('/assessments/:id', { config: { access: readers }, schema: { operationId: 'getAssessment', tags, params: AssessmentParams, response: { 200: AssessmentOut } } }, (req) =>
    getAssessment(req.ctx, req.params.id),
  );
  app.post(
    '/assessments/:id/actions',
    { config: { access: readers }, schema: { operationId: 'actOnAssessment', tags, params: AssessmentParams, body: AssessmentActionBody, response: { 200: AssessmentOut } } },
    (req) => actOnAssessment(req.ctx, req.params.id, req.body),
  );
  app.post('/assessments/:id/recompute', { config: { access: city }, schema: { operationId: 'recomputeAssessment', tags, params: AssessmentParams, response: { 200: AssessmentOut } } }, (req) =>
    recomputeAssessment(req.ctx, req.params.id),
  );
  app.get('/assessments/:id/comparison', { config: { access: readers }, schema: { operationId: 'compareAssessment', tags, params: AssessmentParams, response: { 200: ComparisonOut } } }, (req) =>
    compareAssessment(req.ctx, req.params.id),
  );
  app.get('/assessments/:id/summary.xlsx', { config: { access: readers }, schema: { operationId: 'getAssessmentSummaryXlsx', tags, params: AssessmentParams } }, async (req, reply) => {
    const { fileName, content } = await summaryXlsx(req.ctx, req.params.id);
    return reply.type(XLSX).header('content-disposition', attachment(fileName)).send(content);
  });

  app.get('/assessments/:id/subjects/:key', { config: { access: readers }, schema: { operationId: 'getAssessmentSubject', tags, params: SubjectParams, response: { 200: SubjectDetailOut } } }, (req) =>
    getSubject(req.ctx, req.params.id, req.params.key),
  );
  app.post(
    '/assessments/:id/subjects/:key/scores',
    { config: { access: readers }, schema: { operationId: 'scoreAssessmentItem', tags, params: SubjectParams, body: ScoreBody, response: { 200: SubjectDetailOut } } },
    (req) => addScore(req.ctx, req.params.id, req.params.key, req.body),
  );
  app.post(
    '/assessments/:id/subjects/:key/exemptions',
    { config: { access: city }, schema: { operationId: 'setAssessmentExemption', tags, params: SubjectParams, body: ExemptionBody, response: { 200: SubjectDetailOut } } },
    (req) => setExemption(req.ctx, req.params.id, req.params.key, req.body),
  );
  app.post(
    '/assessments/:id/subjects/:key/evidence',
    { config: { access: access.roles('admin', 'steering', 'department', 'county') }, bodyLimit: EVIDENCE_MAX_BYTES + 64 * 1024, schema: { operationId: 'attachAssessmentEvidence', tags, params: SubjectParams, response: { 200: SubjectDetailOut } } },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported-media-type', '请以 multipart/form-data 上传（itemKey 字段和文件）');
      const parts = parseMultipart(req.body, req.headers['content-type'] ?? '');
      const itemKey = parts.find((p) => p.name === 'itemKey' && p.fileName === null)?.content.toString('utf8').trim();
      const file = parts.find((p) => p.fileName !== null);
      if (!itemKey) throw new AppError('validation', '请指明考核项（itemKey）', { field: 'itemKey' });
      if (!file) throw new AppError('validation', '请选择要上传的文件', { field: 'file' });
      return attachEvidence(req.ctx, req.params.id, req.params.key, itemKey, file.fileName ?? 'evidence', file.content);
    },
  );
  app.get(
    '/assessments/:id/subjects/:key/evidence/:evidenceId',
    { config: { access: readers }, schema: { operationId: 'getAssessmentEvidence', tags, params: SubjectParams.extend({ evidenceId: z.coerce.number().int().positive().max(2_147_483_647) }) } },
    async (req, reply) => {
      const file = await getEvidence(req.ctx, req.params.id, req.params.key, req.params.evidenceId);
      return reply.type(file.mediaType).header('content-disposition', attachment(file.fileName)).send(file.content);
    },
  );
  app.get('/assessments/:id/subjects/:key/report.pdf', { config: { access: readers }, schema: { operationId: 'getAssessmentReportPdf', tags, params: SubjectParams } }, async (req, reply) => {
    const { fileName, content } = await reportPdf(req.ctx, req.params.id, req.params.key);
    return reply.type('application/pdf').header('content-disposition', attachment(fileName)).send(content);
  });
};
