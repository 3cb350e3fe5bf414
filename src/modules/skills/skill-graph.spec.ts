import { describe, expect, it } from 'vitest';
import { cycleThrough, learningOrder, walkNeighbourhood, type GraphNode, type TreeSource } from './skill-graph.js';

const node = (id: string, difficulty: number, prerequisites: string[] = [], name = id): GraphNode => ({
  id,
  name,
  difficulty,
  prerequisites,
});
const graphOf = (...nodes: GraphNode[]) => new Map(nodes.map((one) => [one.id, one]));
const edgesOf = (graph: Map<string, GraphNode>) => new Map([...graph.values()].map((one) => [one.id, one.prerequisites]));

// A diamond: html and css both need basics; frontend needs html and css; react needs frontend and js (which needs basics).
const diamond = graphOf(
  node('basics', 1),
  node('html', 2, ['basics']),
  node('css', 2, ['basics']),
  node('js', 3, ['basics']),
  node('frontend', 4, ['html', 'css']),
  node('react', 6, ['frontend', 'js']),
);

describe('learningOrder', () => {
  it('orders a diamond so each skill follows all of its prerequisites, shared ones once, easier and then alphabetical first', () => {
    expect(learningOrder('react', diamond, new Set()).map((one) => one.id)).toEqual(['basics', 'css', 'html', 'js', 'frontend', 'react']);
  });

  it('skips known skills and everything only they lead to, and leaves out a known target (still listing its unmet prerequisites)', () => {
    expect(learningOrder('react', diamond, new Set(['frontend'])).map((one) => one.id)).toEqual(['basics', 'js', 'react']);
    expect(learningOrder('frontend', diamond, new Set(['basics', 'frontend'])).map((one) => one.id)).toEqual(['css', 'html']);
    expect(learningOrder('basics', diamond, new Set())).toEqual([diamond.get('basics')]);
  });

  it('terminates on a cycle in stored data, taking each skill once', () => {
    const looped = graphOf(node('a', 1, ['c']), node('b', 2, ['a']), node('c', 3, ['b']), node('t', 4, ['c']));
    const order = learningOrder('t', looped, new Set()).map((one) => one.id);
    expect(order.sort()).toEqual(['a', 'b', 'c', 't']);
  });
});

describe('cycleThrough', () => {
  it('names the shortest cycle a new prerequisite would close, from the skill back to itself', () => {
    expect(cycleThrough('basics', ['react'], edgesOf(diamond))).toEqual(['basics', 'react', 'js', 'basics']);
    expect(cycleThrough('html', ['react'], edgesOf(diamond))).toEqual(['html', 'react', 'frontend', 'html']);
    expect(cycleThrough('basics', ['js'], edgesOf(diamond))).toEqual(['basics', 'js', 'basics']);
  });

  it('finds none where the graph stays acyclic, and refuses a skill as its own prerequisite', () => {
    expect(cycleThrough('react', ['basics', 'css'], edgesOf(diamond))).toBeUndefined();
    expect(cycleThrough('new', ['react'], edgesOf(diamond))).toBeUndefined();
    expect(cycleThrough('css', ['css'], edgesOf(diamond))).toEqual(['css', 'css']);
  });
});

describe('walkNeighbourhood', () => {
  const related: Record<string, { skill: string; relationshipType: string; strength: number }[]> = {
    react: [{ skill: 'vue', relationshipType: 'alternative', strength: 6 }],
    vue: [{ skill: 'react', relationshipType: 'alternative', strength: 6 }],
  };
  const load = async (ids: string[]): Promise<TreeSource<string>[]> =>
    ids
      .filter((id) => diamond.has(id) || id === 'vue')
      .map((id) => ({ id, node: id, prerequisites: diamond.get(id)?.prerequisites ?? [], related: related[id] ?? [] }));

  it('visits each skill once at its first depth, within the bound, through mutual links without looping', async () => {
    const walked = await walkNeighbourhood('react', 2, load);
    expect(walked!.nodes).toEqual([
      { depth: 0, node: 'react' },
      { depth: 1, node: 'frontend' },
      { depth: 1, node: 'js' },
      { depth: 1, node: 'vue' },
      { depth: 2, node: 'html' },
      { depth: 2, node: 'css' },
      { depth: 2, node: 'basics' },
    ]);
    expect(walked!.edges).toContainEqual({ from: 'vue', to: 'react', kind: 'related', relationshipType: 'alternative', strength: 6 });
    expect(
      walked!.edges
        .filter((edge) => edge.to === 'basics')
        .map((edge) => edge.from)
        .sort(),
    ).toEqual(['css', 'html', 'js']);
    const shallow = await walkNeighbourhood('react', 1, load);
    expect(shallow!.nodes.map((one) => one.node)).toEqual(['react', 'frontend', 'js', 'vue']);
    expect(shallow!.edges.every((edge) => ['react', 'frontend', 'js', 'vue'].includes(edge.to))).toBe(true);
    expect(await walkNeighbourhood('missing', 2, load)).toBeUndefined();
  });
});
