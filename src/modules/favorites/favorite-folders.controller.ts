import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RenameFolderDto } from './dto/favorite-input.dto.js';
import { FolderDto, FolderListDto } from './dto/favorite.dto.js';
import { FolderNamePipe } from './favorite-params.js';
import { FavoriteFoldersService } from './favorite-folders.service.js';

@ApiTags('favorites')
@Controller('favorites/folders')
export class FavoriteFoldersController {
  constructor(private readonly folders: FavoriteFoldersService) {}

  @Get(':userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s folders with how many favorites each holds, by name (the user, or staff)' })
  @ApiOkResponse({ type: FolderListDto })
  @ApiProblem(404, 'No such user, or not yours to see')
  list(@Ctx() ctx: RequestContext, @Param('userId', ObjectIdPipe) userId: string): Promise<FolderListDto> {
    return this.folders.list(ctx, userId);
  }

  @Patch(':userId/:folder')
  @Authenticated()
  @ApiOperation({ summary: 'Rename a folder, moving all its favorites (the owner); an existing folder of the new name takes them in' })
  @ApiOkResponse({ type: FolderDto })
  @ApiProblem(403, 'Staff may see a user’s folders but not change them')
  @ApiProblem(404, 'No such folder, or not yours')
  rename(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('folder', FolderNamePipe) folder: string,
    @Body() body: RenameFolderDto,
  ): Promise<FolderDto> {
    return this.folders.rename(ctx, userId, folder, body.name);
  }

  @Delete(':userId/:folder')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a folder; its favorites stay, in no folder (the owner)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Staff may see a user’s folders but not change them')
  @ApiProblem(404, 'No such folder, or not yours')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Param('folder', FolderNamePipe) folder: string,
  ): Promise<void> {
    return this.folders.remove(ctx, userId, folder);
  }
}
