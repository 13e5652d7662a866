package io.herald.account;

import java.util.List;

import io.herald.shared.ForAdmins;
import io.herald.shared.Role;
import io.herald.shared.Text;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people administrators list at {@code /admin/users}: everyone in the directory,
 * active or not, found by name or e-mail and narrowed by a role their account holds and
 * by where the account stands; in name order.
 */
@Service
@ForAdmins
public class UserList {

	// PAGE and COUNT select the same people: keep their conditions alike.
	private static final String PAGE = """
			select e.id
			from employees e
			left join user_accounts a on a.employee_id = e.id
			where (cast(:q as varchar(4000)) is null
			       or e.search_text like :q escape '\\' or lower(e.email) like :q escape '\\')
			  and (cast(:role as varchar(32)) is null
			       or exists (select 1 from account_roles r where r.account_id = a.id and r.role = :role))
			  and (cast(:state as varchar(16)) is null
			       or (:state = 'NO_ACCOUNT' and a.id is null)
			       or (:state = 'DISABLED' and a.enabled = false)
			       or (:state = 'INVITED' and a.enabled = true and a.password_hash is null)
			       or (:state = 'ENABLED' and a.enabled = true and a.password_hash is not null))
			order by e.last_name, e.first_name, e.id
			limit :limit offset :offset
			""";

	private static final String COUNT = """
			select count(*)
			from employees e
			left join user_accounts a on a.employee_id = e.id
			where (cast(:q as varchar(4000)) is null
			       or e.search_text like :q escape '\\' or lower(e.email) like :q escape '\\')
			  and (cast(:role as varchar(32)) is null
			       or exists (select 1 from account_roles r where r.account_id = a.id and r.role = :role))
			  and (cast(:state as varchar(16)) is null
			       or (:state = 'NO_ACCOUNT' and a.id is null)
			       or (:state = 'DISABLED' and a.enabled = false)
			       or (:state = 'INVITED' and a.enabled = true and a.password_hash is null)
			       or (:state = 'ENABLED' and a.enabled = true and a.password_hash is not null))
			""";

	private final JdbcClient jdbc;

	UserList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The employee ids of a page of people matching, in name order.
	 */
	@Transactional(readOnly = true)
	public Page<Long> find(String query, Role role, AccountState state, Pageable pageable) {
		long total = bind(this.jdbc.sql(COUNT), query, role, state).query(Long.class).single();
		List<Long> ids = (pageable.getOffset() < total)
				? bind(this.jdbc.sql(PAGE), query, role, state).param("limit", pageable.getPageSize())
					.param("offset", pageable.getOffset())
					.query(Long.class)
					.list()
				: List.of();
		return new PageImpl<>(ids, pageable, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String query, Role role,
			AccountState state) {
		String words = Text.searchable(query);
		return statement
			.param("q",
					words.isEmpty() ? null
							: "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("role", (role != null) ? role.name() : null)
			.param("state", (state != null) ? state.name() : null);
	}

}
