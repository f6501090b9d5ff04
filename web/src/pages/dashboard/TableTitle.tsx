import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A dashboard table's heading with its export button, for the Table's title slot. */
export function TableTitle({ children, extra }: { children: string; extra: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap={12} wrap>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
