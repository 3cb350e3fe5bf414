import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateTenantVoiceDto, UpdateTenantVoiceDto, VoiceProfileDto, VoiceQueryDto } from './dto/voice.dto.js';
import { VoicesService } from './voices.service.js';

const VoicePage = PageOf(VoiceProfileDto);

@ApiTags('voice-agents')
@Controller('voices')
export class VoiceCatalogueController {
  constructor(private readonly voices: VoicesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The shared catalogue of stock voices (anyone signed in)' })
  @ApiOkResponse({ type: VoicePage })
  catalogue(@Ctx() ctx: RequestContext, @Query() query: VoiceQueryDto): Page<VoiceProfileDto> {
    return this.voices.catalogue(ctx, query);
  }
}

@ApiTags('voice-agents')
@Controller('tenants/:tenantId/voices')
export class TenantVoicesController {
  constructor(private readonly voices: VoicesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s own voices by name (members, or staff)' })
  @ApiOkResponse({ type: VoicePage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: VoiceQueryDto,
  ): Promise<Page<VoiceProfileDto>> {
    return this.voices.list(ctx, tenantId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Register a voice of the tenant’s own (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: VoiceProfileDto })
  @ApiProblem(403, 'Members and viewers do not configure voices')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The tenant already has this provider voice, or keeps its maximum of voices')
  create(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: CreateTenantVoiceDto,
  ): Promise<VoiceProfileDto> {
    return this.voices.create(ctx, tenantId, body);
  }

  @Get(':voiceId')
  @Authenticated()
  @ApiOperation({ summary: 'One of the tenant’s voices (members, or staff)' })
  @ApiOkResponse({ type: VoiceProfileDto })
  @ApiProblem(404, 'No such tenant or voice')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('voiceId', ObjectIdPipe) voiceId: string,
  ): Promise<VoiceProfileDto> {
    return this.voices.get(ctx, tenantId, voiceId);
  }

  @Patch(':voiceId')
  @Authenticated()
  @ApiOperation({ summary: 'Rename or relabel a tenant voice (owners and admins, or staff)' })
  @ApiOkResponse({ type: VoiceProfileDto })
  @ApiProblem(403, 'Members and viewers do not configure voices')
  @ApiProblem(404, 'No such tenant or voice')
  update(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('voiceId', ObjectIdPipe) voiceId: string,
    @Body() body: UpdateTenantVoiceDto,
  ): Promise<VoiceProfileDto> {
    return this.voices.update(ctx, tenantId, voiceId, body);
  }

  @Delete(':voiceId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a tenant voice no agent speaks with (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Members and viewers do not configure voices')
  @ApiProblem(404, 'No such tenant or voice')
  @ApiProblem(409, 'Agents still speak with this voice (named in `agents`)')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('voiceId', ObjectIdPipe) voiceId: string,
  ): Promise<void> {
    return this.voices.remove(ctx, tenantId, voiceId);
  }
}
