import type { UnitNode } from './unit-tree';

/** A unit tree in display order, each unit with its depth. */
export function flattenUnits(nodes: UnitNode[], depth = 0): { node: UnitNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenUnits(node.children, depth + 1)]);
}
