import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { isObjectId } from '../../core/http/object-id.pipe.js';
import { Skill } from './schemas/skill.schema.js';
import { learningOrder, type GraphNode } from './skill-graph.js';
import { SUMMARY_PROJECTION, toSkillSummary } from './skill.mapper.js';

/** What other contexts see of a skill. */
export type SkillSummary = {
  id: string;
  name: string;
  slug: string;
  category: string;
  subcategory?: string;
  /** 1 (first steps) to 10 (expert). */
  difficulty: number;
  status: 'draft' | 'active' | 'archived';
  /** Hours a learner typically needs; absent when unknown. */
  estimatedLearningTime?: number;
};

/** The skills a caller still has to learn before `skill`, each after its own prerequisites. */
export type LearningPath = {
  skill: SkillSummary;
  /** Unmet prerequisites in a valid learning order, the target skill last (unless the caller knows it). */
  steps: SkillSummary[];
  /** Sum of the steps' estimated hours (unknown ones count as 0). */
  totalEstimatedHours: number;
};

/** How many skills a path may gather; the catalogue's prerequisite chains are far shorter. */
const MAX_PATH_NODES = 5_000;
const LIVE = { status: trusted({ $ne: 'removed' }) };

type PathRow = Pick<Skill, '_id' | 'name' | 'slug' | 'category' | 'subcategory' | 'difficulty' | 'status' | 'metadata' | 'prerequisites'>;

/** The catalogue as other contexts use it: look skills up and plan a path through the prerequisite graph. */
@Injectable()
export class SkillCatalogue {
  constructor(@InjectModel(Skill.name) private readonly skills: Model<Skill>) {}

  /** The skills among `ids` that exist (any status), by id. */
  async summaries(ids: readonly string[]): Promise<Map<string, SkillSummary>> {
    const wanted = [...new Set(ids.filter(isObjectId).map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return new Map();
    const rows = await this.rows(wanted, SUMMARY_PROJECTION);
    return new Map(rows.map((row) => [row._id.toString(), toSkillSummary(row)]));
  }

  /** The path to `skillId` for someone who already knows `known`; undefined when the skill does not exist. */
  async learningPath(skillId: string, known: ReadonlySet<string>): Promise<LearningPath | undefined> {
    if (!isObjectId(skillId)) return undefined;
    const targetId = skillId.toLowerCase();
    const nodes = new Map<string, GraphNode & { row: PathRow }>();
    // One query per layer of prerequisites; known skills are not expanded (what lies under them is learned).
    let frontier = [targetId];
    while (frontier.length > 0 && nodes.size < MAX_PATH_NODES) {
      const rows = await this.rows(frontier, { ...SUMMARY_PROJECTION, prerequisites: 1 });
      const next = new Set<string>();
      for (const row of rows) {
        const id = row._id.toString();
        const prerequisites = (row.prerequisites ?? []).map(String);
        nodes.set(id, { id, name: row.name, difficulty: row.difficulty, prerequisites, row });
        if (known.has(id) && id !== targetId) continue;
        for (const prerequisite of prerequisites) if (!nodes.has(prerequisite) && !known.has(prerequisite)) next.add(prerequisite);
      }
      frontier = [...next];
    }
    const target = nodes.get(targetId);
    // Drafts are nobody's to learn yet (and 404 outside staff): the walk goes through them, so what they require is
    // still planned, but they are never a step, nor a target.
    if (!target || target.row.status === 'draft') return undefined;
    const steps = learningOrder(target.id, nodes, known)
      .map((node) => nodes.get(node.id)!.row)
      .filter((row) => row.status !== 'draft')
      .map(toSkillSummary);
    const hours = steps.reduce((sum, step) => sum + (step.estimatedLearningTime ?? 0), 0);
    return { skill: toSkillSummary(target.row), steps, totalEstimatedHours: Math.round(hours * 10) / 10 };
  }

  private rows(ids: string[], projection: Record<string, 1>): Promise<PathRow[]> {
    return this.skills
      .find({ _id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }), ...LIVE } as QueryFilter<Skill>, projection)
      .lean<PathRow[]>();
  }
}
