import { Tag } from 'antd';

/** Department names as tags; the lead departments stand out. */
export function DeptTags({ depts, lead = false }: { depts: readonly { id: number; name: string }[]; lead?: boolean }) {
  if (depts.length === 0) return <>—</>;
  return (
    <>
      {depts.map((d) => (
        <Tag key={d.id} color={lead ? 'blue' : undefined} style={{ marginBottom: 4 }}>
          {d.name}
        </Tag>
      ))}
    </>
  );
}

/** The same names as text, for an export: 市发展改革委、市工信局. */
export const deptNames = (depts: readonly { name: string }[]) => depts.map((d) => d.name).join('、') || null;
