import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SkillStepDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() category: string;
  @ApiPropertyOptional() subcategory?: string;
  @ApiProperty({ minimum: 1, maximum: 10 }) difficulty: number;
  @ApiProperty({ enum: ['draft', 'active', 'archived'] }) status: string;
  @ApiPropertyOptional({ description: 'Hours a learner typically needs' }) estimatedLearningTime?: number;
}

export class LearningPathDto {
  @ApiProperty({ type: SkillStepDto }) skill: SkillStepDto;
  @ApiProperty({ type: [SkillStepDto], description: 'Unmet prerequisites in learning order, the skill last unless known' })
  steps: SkillStepDto[];
  @ApiProperty() totalEstimatedHours: number;
  @ApiProperty({ type: [String], description: 'What counted as known: skills taught, and learning goals reached' })
  knownSkillIds: string[];
}
