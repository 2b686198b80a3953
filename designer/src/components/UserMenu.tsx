// The signed-in user's menu. At phone width the name would crowd the app's name out of the header: the button
// shrinks to the user's initial and the full name heads the menu instead.
import { Avatar, Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function UserMenu({ user, phone, onSignOut }: { user: string; phone: boolean; onSignOut: () => void }) {
  const { t } = useTranslation();
  const signOut = { key: 'out', label: t('auth.signOut'), onClick: onSignOut };
  const items = phone ? [{ key: 'who', label: user, disabled: true }, { type: 'divider' as const }, signOut] : [signOut];
  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button type="text" aria-label={t('auth.signedInAs', { name: user })} data-testid="user-menu" style={phone ? { paddingInline: 4 } : undefined}>
        {phone
          ? <Avatar size={28} style={{ background: '#1f6feb', fontSize: 14 }}>{Array.from(user.trim())[0]?.toUpperCase() ?? '?'}</Avatar>
          : <><Typography.Text ellipsis style={{ maxWidth: 200 }}>{user}</Typography.Text> ▾</>}
      </Button>
    </Dropdown>
  );
}
