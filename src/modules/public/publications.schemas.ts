import { z } from 'zod';
import { Dataset, Snapshot } from '../../domain/public/publication';

/** The steering office publishes a dataset for a period ('2025', '2025-Q3', or an assessment's id). */
export const PublishBody = z.object({ dataset: Dataset, periodKey: z.string().trim().min(1).max(20) });
export type PublishBody = z.infer<typeof PublishBody>;

export const WithdrawBody = z.object({ reason: z.string().trim().min(2, '请填写撤回原因（至少 2 个字）').max(500) });
export type WithdrawBody = z.infer<typeof WithdrawBody>;

export const PublicationOut = z.object({
  id: z.number().int(),
  dataset: z.string(),
  periodKey: z.string(),
  title: z.string(),
  publishedAt: z.date(),
  publishedByName: z.string(),
  withdrawnAt: z.date().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type PublicationOut = z.infer<typeof PublicationOut>;

export const PreviewOut = z.object({ dataset: Dataset, periodKey: z.string(), title: z.string(), snapshot: Snapshot });
export type PreviewOut = z.infer<typeof PreviewOut>;

export const DOWNLOAD_FORMATS = ['xlsx', 'csv', 'json'] as const;

/** One published dataset × period on the public site, with its download links. */
export const OpenDataItem = z.object({
  id: z.number().int(),
  dataset: Dataset,
  periodKey: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  downloads: z.object({ xlsx: z.string(), csv: z.string(), json: z.string() }),
});
export type OpenDataItem = z.infer<typeof OpenDataItem>;
export const OpenDataListOut = z.array(OpenDataItem);

export const OpenSnapshotOut = OpenDataItem.extend({ snapshot: Snapshot });
export type OpenSnapshotOut = z.infer<typeof OpenSnapshotOut>;

export const OpenDataParams = z.object({ dataset: Dataset, periodKey: z.string().min(1).max(20) });
export const DownloadParams = OpenDataParams.extend({ format: z.enum(DOWNLOAD_FORMATS) });
