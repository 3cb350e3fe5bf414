/**
 * The prerequisite graph as pure functions over plain maps: finding the cycle a write would close, ordering a learning
 * path, and walking a bounded neighbourhood. The services load the part of the graph they need and ask these.
 */

/** A skill as the graph sees it; `prerequisites` are ids of the skills to learn first. */
export type GraphNode = {
  id: string;
  name: string;
  difficulty: number;
  prerequisites: readonly string[];
};

/**
 * The cycle that giving `skillId` these prerequisites would close, as ids from the skill back to itself
 * (a → b → c → a), or undefined. `prerequisitesOf` holds the stored graph; the skill's own entry is ignored.
 */
export function cycleThrough(
  skillId: string,
  prerequisites: readonly string[],
  prerequisitesOf: ReadonlyMap<string, readonly string[]>,
): string[] | undefined {
  if (prerequisites.includes(skillId)) return [skillId, skillId];
  // Breadth first from the new prerequisites, so the cycle reported is a shortest one.
  const cameFrom = new Map<string, string>();
  const queue: string[] = [];
  for (const id of prerequisites)
    if (!cameFrom.has(id)) {
      cameFrom.set(id, skillId);
      queue.push(id);
    }
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    for (const next of prerequisitesOf.get(current) ?? []) {
      if (next === skillId) {
        const path = [skillId, current];
        for (let at = current; cameFrom.get(at) !== skillId;) path.splice(1, 0, (at = cameFrom.get(at)!));
        return [...path, skillId];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}

const byDifficultyThenName = (a: GraphNode, b: GraphNode) =>
  a.difficulty - b.difficulty || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * What someone who knows `known` still has to learn to reach `targetId`: its prerequisites, transitively, stopping at
 * known skills (whoever knows one needs nothing under it), each after all of its own, the easier (then alphabetically
 * first) skill first among those ready; the target last, or left out when known (its unmet prerequisites still listed). `nodes` must hold every skill reachable from the
 * target; missing ones are skipped. A cycle in stored data cannot loop: each skill is taken once, and what a cycle
 * leaves unordered follows in the same tie-break order.
 */
export function learningOrder(targetId: string, nodes: ReadonlyMap<string, GraphNode>, known: ReadonlySet<string>): GraphNode[] {
  const needed = new Map<string, GraphNode>();
  const stack = [targetId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = nodes.get(id);
    if (!node || needed.has(id) || (known.has(id) && id !== targetId)) continue;
    needed.set(id, node);
    stack.push(...node.prerequisites);
  }
  const waitingOn = new Map<string, number>();
  const unlocks = new Map<string, string[]>();
  for (const node of needed.values()) {
    const inside = [...new Set(node.prerequisites)].filter((id) => needed.has(id) && id !== node.id);
    waitingOn.set(node.id, inside.length);
    for (const id of inside) unlocks.set(id, [...(unlocks.get(id) ?? []), node.id]);
  }
  const ready = [...needed.values()].filter((node) => waitingOn.get(node.id) === 0);
  const order: GraphNode[] = [];
  const placed = new Set<string>();
  while (order.length < needed.size) {
    if (ready.length === 0) ready.push(...[...needed.values()].filter((node) => !placed.has(node.id)).slice(0, 1));
    ready.sort(byDifficultyThenName);
    // The target waits for everything else, even when it would sort first among the ready.
    const index = ready.length > 1 && ready[0].id === targetId ? 1 : 0;
    const [next] = ready.splice(index, 1);
    if (placed.has(next.id)) continue;
    placed.add(next.id);
    order.push(next);
    for (const id of unlocks.get(next.id) ?? []) {
      const left = waitingOn.get(id)! - 1;
      waitingOn.set(id, left);
      if (left === 0 && !placed.has(id)) ready.push(needed.get(id)!);
    }
  }
  return known.has(targetId) ? order.filter((one) => one.id !== targetId) : order;
}

/** An edge of a skill's neighbourhood: `from` requires `to`, or `from` lists `to` as related. */
export type TreeEdge = { from: string; to: string; kind: 'prerequisite' | 'related'; relationshipType?: string; strength?: number };

export type TreeSource<N> = {
  id: string;
  node: N;
  prerequisites: readonly string[];
  related: readonly { skill: string; relationshipType: string; strength: number }[];
};

/**
 * The skills within `maxDepth` steps of the root along prerequisite and related links, each once with the depth it
 * was first reached at, and the links between them. `load` fetches one layer at a time (the ids it cannot see it
 * leaves out: removed skills, drafts for the public), so the walk costs at most `maxDepth` queries.
 */
export async function walkNeighbourhood<N>(
  rootId: string,
  maxDepth: number,
  load: (ids: string[]) => Promise<TreeSource<N>[]>,
): Promise<{ nodes: { depth: number; node: N }[]; edges: TreeEdge[] } | undefined> {
  const [root] = await load([rootId]);
  if (!root) return undefined;
  const depthOf = new Map<string, number>([[root.id, 0]]);
  const nodes = [{ depth: 0, node: root.node }];
  const pending: TreeEdge[] = [];
  let layer = [root];
  for (let depth = 1; layer.length > 0; depth++) {
    const next = new Set<string>();
    for (const source of layer) {
      for (const to of source.prerequisites) {
        pending.push({ from: source.id, to, kind: 'prerequisite' });
        if (!depthOf.has(to)) next.add(to);
      }
      for (const link of source.related) {
        pending.push({
          from: source.id,
          to: link.skill,
          kind: 'related',
          relationshipType: link.relationshipType,
          strength: link.strength,
        });
        if (!depthOf.has(link.skill)) next.add(link.skill);
      }
    }
    if (depth > maxDepth || next.size === 0) break;
    layer = await load([...next]);
    for (const source of layer) {
      depthOf.set(source.id, depth);
      nodes.push({ depth, node: source.node });
    }
  }
  // Only links between skills in the answer; a link to a skill past the depth is left out with it.
  const seen = new Set<string>();
  const edges = pending.filter((edge) => {
    const key = `${edge.from}>${edge.to}>${edge.kind}`;
    if (!depthOf.has(edge.to) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { nodes, edges };
}
