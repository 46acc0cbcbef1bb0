import { Empty, Modal, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import type { LibraryIndicator, LibraryView } from '../../../api/views';
import { LEVEL1_LABELS, LEVEL2_BY_LEVEL1, LEVEL2_LABELS } from '../../../shared/labels';

/** The library's three levels as a tree: 一级 → 二级 → 三级 (the indicators themselves). */
export function libraryTree(indicators: LibraryIndicator[], leaf: (i: LibraryIndicator) => DataNode): DataNode[] {
  return Object.keys(LEVEL1_LABELS)
    .map((level1) => ({
      key: level1,
      title: LEVEL1_LABELS[level1],
      children: LEVEL2_BY_LEVEL1[level1]
        .map((level2) => ({
          key: `${level1}/${level2}`,
          title: LEVEL2_LABELS[level2],
          children: indicators.filter((i) => i.level1 === level1 && i.level2 === level2).map(leaf),
        }))
        .filter((n) => n.children.length > 0),
    }))
    .filter((n) => n.children.length > 0);
}

/** 共性指标 chosen from the year's library; those already in the goal stay ticked and cannot be added twice. */
export function IndicatorPicker(props: { open: boolean; library?: LibraryView; chosen: string[]; onClose: () => void; onPick: (picked: LibraryIndicator[]) => void }) {
  const common = useMemo(
    () => Object.values(props.library?.indicators ?? {}).filter((i) => i.kind === 'common' && i.status === 'active'),
    [props.library],
  );
  const [checked, setChecked] = useState<string[]>([]);
  const tree = libraryTree(common, (i) => ({
    key: i.id,
    title: `${i.name}${i.unitOfMeasure ? `（${i.unitOfMeasure}）` : ''}`,
    disableCheckbox: props.chosen.includes(i.id),
  }));
  return (
    <Modal
      title="从指标库选择共性指标"
      open={props.open}
      okText="加入目标表"
      cancelText="取消"
      onCancel={props.onClose}
      onOk={() => {
        props.onPick(common.filter((i) => checked.includes(i.id) && !props.chosen.includes(i.id)));
        setChecked([]);
      }}
    >
      {tree.length === 0 ? (
        <Empty description="该年度指标库暂无可选的共性指标" />
      ) : (
        <Tree checkable defaultExpandAll treeData={tree} checkedKeys={[...checked, ...props.chosen]} onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))} />
      )}
    </Modal>
  );
}
