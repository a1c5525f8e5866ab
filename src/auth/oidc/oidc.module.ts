import { Module } from '@nestjs/common';
import { OrganisationModule } from '../../organisation/organisation.module';
import { IdentityProviderService } from './identity-provider.service';
import { OidcSignInService } from './oidc-sign-in.service';
import { OidcStaffService } from './oidc-staff.service';

/**
 * Sign-in through the municipality's identity provider, part of the auth area: it keeps staff
 * accounts (the auth area's tables) in step with the provider's claims and issues the auth
 * area's bearer tokens. Its controller is registered in ApiModule.
 */
@Module({
  imports: [OrganisationModule],
  providers: [IdentityProviderService, OidcStaffService, OidcSignInService],
  exports: [OidcSignInService],
})
export class OidcModule {}
