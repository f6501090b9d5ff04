import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttendanceBody, AttendanceOut, EnergyManagerOut, TrainingEventBody, TrainingEventDetailOut, TrainingEventOut } from '../../../../src/modules/supervision/capacity.schemas';
import { api, upload, withQuery, type Wire } from '../../api/client';
import { capacityKeys, useCapacityMutation } from './expert-queries';

export type TrainingEvent = Wire<z.infer<typeof TrainingEventOut>>;
export type TrainingEventDetail = Wire<z.infer<typeof TrainingEventDetailOut>>;
export type Attendance = Wire<z.infer<typeof AttendanceOut>>;
export type EnergyManager = Wire<EnergyManagerOut>;
export type NewEvent = z.input<typeof TrainingEventBody>;
export type NewAttendance = z.input<typeof AttendanceBody>;
export type ManagerFilter = { regionCode?: string; status?: EnergyManager['status']; year?: number };

const API = '/api/supervision';

export const eventsQuery = () => queryOptions({ queryKey: capacityKeys.events(), queryFn: () => api<TrainingEvent[]>(`${API}/training-events`) });
export const eventQuery = (id: number) => queryOptions({ queryKey: capacityKeys.event(id), queryFn: () => api<TrainingEventDetail>(`${API}/training-events/${id}`) });
export const managersQuery = (f: ManagerFilter) => queryOptions({ queryKey: capacityKeys.managers(f), queryFn: () => api<EnergyManager[]>(withQuery(`${API}/energy-managers`, f)) });

/** The server-built table (provincial layout), a plain link: the session cookie goes along. */
export const managersXlsxUrl = (f: ManagerFilter) => withQuery(`${API}/energy-managers.xlsx`, f);

export const useSaveEvent = () =>
  useCapacityMutation(({ id, body }: { id: number | null; body: NewEvent }) =>
    id === null ? api<TrainingEvent>(`${API}/training-events`, { method: 'POST', body }) : api<TrainingEvent>(`${API}/training-events/${id}`, { method: 'PUT', body }),
  );
export const useRecordAttendance = (eventId: number) => useCapacityMutation((body: NewAttendance) => api<Attendance>(`${API}/training-events/${eventId}/attendance`, { method: 'POST', body }));
export const attendanceTemplateUrl = `${API}/training-events/attendance-template.xlsx`;
/** 参训名单 .xlsx, read whole: all rows stored, or a problem naming each refused cell. */
export const useImportAttendance = (eventId: number) => useCapacityMutation((file: Blob) => upload<{ imported: number }>(`${API}/training-events/${eventId}/attendance/import`, file));
