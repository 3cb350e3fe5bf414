import { Injectable } from '@nestjs/common';
import { trusted, Types, type QueryFilter } from 'mongoose';
import type { Skill } from './schemas/skill.schema.js';
import { cycleThrough } from './skill-graph.js';
import { conflict, unknownSkills } from './skills-problems.js';
import { LIVE, SkillsRepository } from './skills.repository.js';

/** How much of the graph a cycle check may read; the catalogue's chains are far shorter. */
const MAX_GRAPH_NODES = 20_000;

type GraphRow = Pick<Skill, '_id' | 'name' | 'prerequisites'>;

/** The rules on a skill's links: they point at live skills, never at the skill itself, and prerequisites close no cycle. */
@Injectable()
export class SkillLinks {
  constructor(private readonly repository: SkillsRepository) {}

  /** 422 naming the ids that are no live skill; a related link to the skill itself is refused the same way. */
  async assertExist(field: 'prerequisites' | 'relatedSkills', ids: readonly string[], selfId?: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.repository.model
      .find({ _id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }), ...LIVE } as QueryFilter<Skill>, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>();
    const present = new Set(found.map((row) => row._id.toString()));
    const missing = ids.filter((id) => !present.has(id) || id === selfId);
    if (missing.length > 0) throw unknownSkills(field, missing);
  }

  /** 409 naming the cycle (by skill names) that these prerequisites of `skillId` would close. */
  async assertNoCycle(skillId: string, selfName: string, prerequisites: readonly string[]): Promise<void> {
    if (prerequisites.includes(skillId))
      throw conflict('prerequisite-cycle', 'Prerequisite cycle', `A skill cannot be its own prerequisite: ${selfName} → ${selfName}.`, {
        cycle: [skillId, skillId],
      });
    const { graph, names } = await this.reachable(prerequisites);
    const cycle = cycleThrough(skillId, prerequisites, graph);
    if (!cycle) return;
    names.set(skillId, selfName);
    const path = cycle.map((id) => names.get(id) ?? id).join(' → ');
    throw conflict('prerequisite-cycle', 'Prerequisite cycle', `These prerequisites would close a cycle: ${path}.`, { cycle });
  }

  /** The prerequisite graph above `from`, read one layer per query. */
  private async reachable(from: readonly string[]): Promise<{ graph: Map<string, string[]>; names: Map<string, string> }> {
    const graph = new Map<string, string[]>();
    const names = new Map<string, string>();
    let frontier = [...new Set(from)];
    while (frontier.length > 0 && graph.size < MAX_GRAPH_NODES) {
      const rows = await this.repository.model
        .find({ _id: trusted({ $in: frontier.map((id) => new Types.ObjectId(id)) }), ...LIVE } as QueryFilter<Skill>, {
          name: 1,
          prerequisites: 1,
        })
        .lean<GraphRow[]>();
      const next = new Set<string>();
      for (const row of rows) {
        const id = row._id.toString();
        const prerequisites = (row.prerequisites ?? []).map(String);
        graph.set(id, prerequisites);
        names.set(id, row.name);
        for (const prerequisite of prerequisites) if (!graph.has(prerequisite)) next.add(prerequisite);
      }
      for (const id of frontier) if (!graph.has(id)) graph.set(id, []);
      frontier = [...next];
    }
    return { graph, names };
  }
}

/** A slug from a name: lower-case ASCII words joined by hyphens (C++ → c-plus-plus, C# → c-sharp). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 140)
    .replace(/-+$/g, '');
  return slug || 'skill';
}
