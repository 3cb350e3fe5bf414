import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AccountStatusService } from './account-status.service.js';
import { ActivityService } from './activity.service.js';
import { ChangeAccountStatusDto, DeleteAccountDto } from './dto/account.dto.js';
import { ActivityDto } from './dto/activity.dto.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { PublicUserDto, UserDto } from './dto/user.dto.js';
import { ChangeRoleDto, UserQueryDto } from './dto/user-query.dto.js';
import { UsersService } from './users.service.js';

const UserPage = PageOf(UserDto);
const ActivityPage = PageOf(ActivityDto);

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly activity: ActivityService,
    private readonly status: AccountStatusService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'My account: profile and preferences' })
  @ApiOkResponse({ type: UserDto })
  me(@Ctx() ctx: ActorContext): Promise<UserDto> {
    return this.users.getMe(ctx);
  }

  @Patch('me')
  @Authenticated()
  @ApiOperation({ summary: 'Update my profile and preferences' })
  @ApiOkResponse({ type: UserDto })
  updateMe(@Ctx() ctx: ActorContext, @Body() body: UpdateMeDto): Promise<UserDto> {
    return this.users.updateMe(ctx, body);
  }

  @Delete('me')
  @Authenticated()
  @RateLimit('auth')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete my account: personal data is erased; payments, invoices and refunds are kept as the law requires',
  })
  @ApiNoContentResponse({ description: 'Deleted; every token of the account stops working' })
  @ApiProblem(400, 'The password is not the current one')
  @ApiProblem(409, 'The only active admin cannot delete their account')
  deleteMe(@Ctx() ctx: ActorContext, @Body() body: DeleteAccountDto): Promise<void> {
    return this.deletion.deleteMe(ctx, body.password);
  }

  @Get('me/activity')
  @Authenticated()
  @ApiOperation({ summary: 'My security activity: sign-ins, failures, password and role changes' })
  @ApiOkResponse({ type: ActivityPage })
  myActivity(@Ctx() ctx: ActorContext, @Query() query: PageQueryDto): Promise<Page<ActivityDto>> {
    return this.activity.listFor(ctx, ctx.actor.id, query);
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Search users (staff)' })
  @ApiOkResponse({ type: UserPage })
  list(@Ctx() ctx: RequestContext, @Query() query: UserQueryDto): Promise<Page<UserDto>> {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A user\u2019s public profile' })
  @ApiOkResponse({ type: PublicUserDto })
  @ApiProblem(404, 'No such user, or a deleted one')
  publicProfile(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<PublicUserDto> {
    return this.users.getPublic(ctx, id);
  }

  @Get(':id/activity')
  @Authenticated()
  @ApiOperation({ summary: 'A user\u2019s security activity (the user themself, or staff)' })
  @ApiOkResponse({ type: ActivityPage })
  @ApiProblem(404, 'Another user\u2019s activity (it does not exist for the caller)')
  activityOf(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Query() query: PageQueryDto): Promise<Page<ActivityDto>> {
    return this.activity.listFor(ctx, id, query);
  }

  @Patch(':id/role')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a user\u2019s role (admin); their sessions are revoked' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblem(409, 'Admins cannot change their own role')
  changeRole(@Ctx() ctx: ActorContext, @Param('id', ObjectIdPipe) id: string, @Body() body: ChangeRoleDto): Promise<UserDto> {
    return this.users.changeRole(ctx, id, body.role);
  }

  @Patch(':id/status')
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate or reactivate an account (admin); deactivation signs it out everywhere' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblem(404, 'No such user')
  @ApiProblem(409, 'Own account, or a deleted one')
  changeStatus(@Ctx() ctx: ActorContext, @Param('id', ObjectIdPipe) id: string, @Body() body: ChangeAccountStatusDto): Promise<UserDto> {
    return this.status.change(ctx, id, body);
  }
}
