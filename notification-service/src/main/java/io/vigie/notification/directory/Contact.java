package io.vigie.notification.directory;

/** A person at a client who receives notices, in their language ({@code fr} or {@code en}). */
public record Contact(String id, String name, String role, String email, String phone, String language) {

    public boolean reachableBy(Channel channel) {
        return switch (channel) {
            case EMAIL -> email != null && !email.isBlank();
            case SMS, PHONE -> phone != null && !phone.isBlank();
            case WEBHOOK -> false;
        };
    }

    public String address(Channel channel) {
        return channel == Channel.EMAIL ? email : phone;
    }
}
