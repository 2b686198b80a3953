import { useEffect, useState } from 'react';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { metadataApi, type EntityDef } from './api/metadata';
import { registerFieldTypes } from './fields/registry';

export function useLang(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export function useTenant(): string { return useParams().tenant ?? ''; }

const META_STALE = 5 * 60_000;

export function useEntities(tenant: string) {
  return useQuery({ queryKey: ['entities', tenant], queryFn: () => metadataApi.entities(tenant), staleTime: META_STALE });
}

/**
 * The entity's definition with the current user's access (per-entity route). A lookup field without a label of its
 * own is labelled by its target entity (opportunity.account reads "Account" / "客户").
 */
export function useEntityDef(tenant: string, entity: string) {
  const client = useQueryClient();
  return useQuery({ ...entityDefQuery(client, tenant, entity), enabled: !!entity });
}

/** The query of {@link useEntityDef}, also for prefetching it before the page that needs it renders. */
export function entityDefQuery(client: QueryClient, tenant: string, entity: string) {
  return {
    queryKey: ['entity', tenant, entity],
    queryFn: async () => {
      const [def, all] = await Promise.all([
        metadataApi.entity(tenant, entity),
        client.ensureQueryData({ queryKey: ['entities', tenant], queryFn: () => metadataApi.entities(tenant), staleTime: META_STALE }),
      ]);
      const byName = new Map(all.value.map((e) => [e.name, e]));
      return { ...def, fields: def.fields.map((f) => (f.type === 'lookup' && !f.label && f.target && byName.get(f.target)?.label ? { ...f, label: byName.get(f.target)!.label } : f)) };
    },
    staleTime: META_STALE,
  };
}

/** The host's field types; their storage kinds pick the widgets of types the client does not know (plugins). */
export function useFieldTypes(tenant: string) {
  return useQuery({
    queryKey: ['field-types', tenant], staleTime: META_STALE,
    queryFn: async () => { const types = await metadataApi.fieldTypes(tenant); registerFieldTypes(types); return types; },
  });
}

export function useNavigation(tenant: string, entities: EntityDef[] | undefined) {
  return useQuery({ queryKey: ['navigation', tenant], queryFn: () => metadataApi.navigation(tenant, entities!), staleTime: META_STALE, enabled: !!entities });
}

export function useFormDoc(tenant: string, entity: EntityDef | undefined) {
  return useQuery({ queryKey: ['form', tenant, entity?.name], queryFn: () => metadataApi.form(tenant, entity!), staleTime: META_STALE, enabled: !!entity });
}

export function useViews(tenant: string, entity: EntityDef | undefined) {
  return useQuery({ queryKey: ['views', tenant, entity?.name], queryFn: () => metadataApi.views(tenant, entity!), staleTime: META_STALE, enabled: !!entity });
}

/** Phone width (under 768 px): lists become cards, forms one column, the menu a drawer. */
export function useIsPhone(): boolean {
  const query = '(max-width: 767px)';
  const [phone, setPhone] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches);
  useEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return;
    const on = () => setPhone(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return phone;
}

/** The tab's title follows the screen ("Opportunities · Platform CRM"). */
export function useTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => { document.title = title ? `${title} · ${t('app.name')}` : t('app.name'); }, [title, t]);
}
