import { Global, Module } from '@nestjs/common';
import { DeskNoticeBoard } from './desk-notices';

/** The one board of desk notices that every module's source registers on. */
@Global()
@Module({ providers: [DeskNoticeBoard], exports: [DeskNoticeBoard] })
export class DeskModule {}
