import { SetMetadata } from '@nestjs/common';

export const OPEN_PAGE = 'consoleOpenPage';

/** A page anyone may open without signing in: the sign-in page and its steps. */
export const OpenPage = (): MethodDecorator & ClassDecorator => SetMetadata(OPEN_PAGE, true);
