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
