import { Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../../../hooks/useMediaQuery.ts';

/** Create and edit forms open beside the list or detail: the whole screen on a phone, a side panel on desktops. */
export function RecordDrawer({
  open,
  title,
  onClose,
  children,
  wide,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const phone = useIsPhone();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      destroyOnHidden
      placement="right"
      size={phone ? '100%' : wide ? 720 : 520}
      data-testid="record-drawer"
    >
      {children}
    </Drawer>
  );
}
