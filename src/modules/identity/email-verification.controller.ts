import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { EmailVerifiedDto, VerificationSentDto, VerifyEmailDto } from './dto/email-verification.dto.js';
import { EmailVerificationService } from './email-verification.service.js';

@ApiTags('auth')
@Controller('auth/verify-email')
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerificationService) {}

  @Post()
  @Public()
  @RateLimit('auth')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Verify my email address with the token from the verification link (again: the same answer)' })
  @ApiOkResponse({ type: EmailVerifiedDto })
  @ApiProblem(400, 'The link expired, was altered, or is for an address the account no longer has (invalid-verification-token)')
  verify(@Ctx() ctx: RequestContext, @Body() body: VerifyEmailDto): Promise<EmailVerifiedDto> {
    return this.verification.verify(ctx, body.token);
  }

  @Post('resend')
  @Authenticated()
  @RateLimit('auth')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email me a new verification link (a few per hour)' })
  @ApiAcceptedResponse({ type: VerificationSentDto })
  @ApiProblem(409, 'The address is already verified (already-verified)')
  @ApiProblem(429, 'This hour’s verification emails are used up; Retry-After says when the next one may be sent')
  resend(@Ctx() ctx: ActorContext): Promise<VerificationSentDto> {
    return this.verification.resend(ctx);
  }
}
