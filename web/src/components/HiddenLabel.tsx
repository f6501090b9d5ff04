import { Select, type SelectProps } from 'antd';
import type { CSSProperties } from 'react';

const srOnly: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * A label only screen readers (and getByLabel) see, for a control whose placeholder already says it.
 * AntD's Select would put an aria-label on its wrapper too; a <label for> names only the input.
 */
export function HiddenLabel({ htmlFor, children }: { htmlFor: string; children: string }) {
  return (
    <label htmlFor={htmlFor} style={srOnly}>
      {children}
    </label>
  );
}

/** A filter Select named by its placeholder, with the hidden label that gives it an accessible name. */
export function FilterSelect<V>({ id, label, ...rest }: SelectProps<V> & { id: string; label: string }) {
  return (
    <>
      <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
      <Select<V> id={id} placeholder={label} {...rest} />
    </>
  );
}
