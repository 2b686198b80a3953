import { Link, useLocation } from 'react-router';
import { Badge } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useInbox } from './useInbox';
import './nav.css';

/** The navigation's Inbox entry with the number of pending items. */
export function InboxNavLink({ tenant, onNavigate }: { tenant: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const inbox = useInbox(tenant);
  const count = inbox.data?.length ?? 0;
  const current = location.pathname.split('/')[2] === 'inbox';
  return (
    <Link to={`/${tenant}/inbox`} onClick={onNavigate} className={current ? 'inbox-nav current' : 'inbox-nav'} data-testid="inbox-nav"
      aria-current={current ? 'page' : undefined} aria-label={count ? `${t('inbox.nav')} (${t('inbox.pending', { count })})` : t('inbox.nav')}>
      <InboxOutlined /> <span style={{ flex: 1 }}>{t('inbox.nav')}</span>
      {count > 0 && <Badge count={count} overflowCount={99} aria-hidden />}
    </Link>
  );
}
