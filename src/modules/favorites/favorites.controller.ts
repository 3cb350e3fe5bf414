import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { CreateFavoriteDto, UpdateFavoriteDto } from './dto/favorite-input.dto.js';
import { FavoriteListQueryDto } from './dto/favorite-query.dto.js';
import { FavoriteCheckDto, FavoriteDto } from './dto/favorite.dto.js';
import type { FavoriteType } from './favorite-fields.js';
import { FavoriteTypePipe, ItemIdPipe } from './favorite-params.js';
import { FavoritesService } from './favorites.service.js';

const FavoritePage = PageOf(FavoriteDto);

@ApiTags('favorites')
@Controller('favorites')
export class FavoritesController {
  constructor(private readonly favorites: FavoritesService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    summary: 'Add an item to the caller’s favorites (staff: to a user’s, with userId)',
    description: 'Idempotent per (user, type, itemId): adding an item that is already a favorite answers 200 with the existing one.',
  })
  @ApiCreatedResponse({ type: FavoriteDto, description: 'Added' })
  @ApiOkResponse({ type: FavoriteDto, description: 'Already a favorite: the existing one, unchanged' })
  @ApiProblem(404, 'No such user, or not yours to add to')
  @ApiProblem(409, 'The user keeps as many favorites as allowed (FAVORITES_MAX_PER_USER)')
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateFavoriteDto, @Res() reply: FastifyReply): Promise<void> {
    const { favorite, created } = await this.favorites.add(ctx, body);
    await reply.status(created ? HttpStatus.CREATED : HttpStatus.OK).send(favorite);
  }

  @Get('user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s favorites, by recent use or by use count (the user, or staff)' })
  @ApiOkResponse({ type: FavoritePage })
  @ApiProblem(404, 'No such user, or not yours to see')
  list(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: FavoriteListQueryDto,
  ): Promise<Page<FavoriteDto>> {
    return this.favorites.listForUser(ctx, userId, query);
  }

  @Get('check/:userId/:type/:itemId')
  @Authenticated()
  @ApiOperation({ summary: 'Whether an item is one of a user’s favorites (the user, or staff)' })
  @ApiOkResponse({ type: FavoriteCheckDto })
  @ApiProblem(404, 'No such user, or not yours to see')
  check(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('type', FavoriteTypePipe) type: FavoriteType,
    @Param('itemId', ItemIdPipe) itemId: string,
  ): Promise<FavoriteCheckDto> {
    return this.favorites.check(ctx, userId, type, itemId);
  }

  @Patch(':favoriteId')
  @Authenticated()
  @ApiOperation({ summary: 'Change a favorite’s title, notes, metadata or folder (the owner)' })
  @ApiOkResponse({ type: FavoriteDto })
  @ApiProblem(403, 'Staff may see a user’s favorites but not change them')
  @ApiProblem(404, 'No such favorite, or not yours')
  update(
    @Ctx() ctx: RequestContext,
    @Param('favoriteId', ObjectIdPipe) favoriteId: string,
    @Body() body: UpdateFavoriteDto,
  ): Promise<FavoriteDto> {
    return this.favorites.update(ctx, favoriteId, body);
  }

  @Delete(':userId/:type/:itemId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an item from the user’s favorites (the owner)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblem(403, 'Staff may see a user’s favorites but not change them')
  @ApiProblem(404, 'Not a favorite, or not yours')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('type', FavoriteTypePipe) type: FavoriteType,
    @Param('itemId', ItemIdPipe) itemId: string,
  ): Promise<void> {
    return this.favorites.remove(ctx, userId, type, itemId);
  }

  @Post(':favoriteId/use')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Count one use of a favorite and mark it recently used (the owner)' })
  @ApiOkResponse({ type: FavoriteDto })
  @ApiProblem(403, 'Staff may see a user’s favorites but not use them')
  @ApiProblem(404, 'No such favorite, or not yours')
  use(@Ctx() ctx: RequestContext, @Param('favoriteId', ObjectIdPipe) favoriteId: string): Promise<FavoriteDto> {
    return this.favorites.use(ctx, favoriteId);
  }
}
