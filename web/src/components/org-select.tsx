import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Org } from '../../../src/contract/orgs.ts';
import { useOrgs } from '../api/queries.ts';

type Node = { value: string; title: string; children: Node[] };

/** The org tree (财政部门 → 主管部门 → 实施单位) as TreeSelect data. */
export function orgTree(orgs: readonly Org[]): Node[] {
  const byId = new Map<string, Node>();
  for (const o of orgs) byId.set(o.id, { value: o.id, title: o.name, children: [] });
  const roots: Node[] = [];
  for (const o of orgs) {
    const node = byId.get(o.id)!;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function OrgSelect(props: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder: string;
  ariaLabel: string;
  width?: number;
}) {
  const orgs = useOrgs();
  const tree = useMemo(() => orgTree(orgs.data?.items ?? []), [orgs.data]);
  return (
    <TreeSelect
      aria-label={props.ariaLabel}
      style={{ width: props.width ?? 220 }}
      value={props.value}
      onChange={(v) => props.onChange(v ?? undefined)}
      treeData={tree}
      placeholder={props.placeholder}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={orgs.isLoading}
      popupMatchSelectWidth={false}
    />
  );
}
