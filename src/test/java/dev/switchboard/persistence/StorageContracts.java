package dev.switchboard.persistence;

/**
 * Every storage contract, so that both databases (H2RepositoryContractIT and
 * PostgresRepositoryContractIT) run one and the same list.
 */
interface StorageContracts
    extends RepositoryContract, FileRepositoryContract, SmsRepositoryContract, SmsSettlementContract,
        AccessRepositoryContract, UserRepositoryContract, TenantRepositoryContract,
        WalletRepositoryContract, ConversationRepositoryContract, StandingContract,
        ChannelRepositoryContract, ChannelMemberRepositoryContract, FeedRepositoryContract,
        MessageQueryContract, MessageRepositoryContract, ReactionAndFlagContract,
        MessageSessionRepositoryContract, OperatorRepositoryContract, BackupContract,
        IdempotencyRepositoryContract, WebhookRepositoryContract, WebhookDispatchContract,
        ReadMarkerContract {}
