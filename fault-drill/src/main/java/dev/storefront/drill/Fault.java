package dev.storefront.drill;

/** What the drill does to a component: the crash it must heal from, or the restart an operator makes. */
enum Fault {
    /** SIGKILL of the component's process (PostgreSQL: of its postmaster); the launcher must notice and restart it. */
    KILL,
    /** `./platform restart COMPONENT`: the way it stops cleanly, then a start. */
    RESTART;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
