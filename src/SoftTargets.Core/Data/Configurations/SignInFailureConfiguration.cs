using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("SignInFailures");
        builder.HasKey(f => f.AddressHash);
        builder.Property(f => f.AddressHash).HasMaxLength(64);
    }
}
